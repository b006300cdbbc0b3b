using System.Net;
using System.Text;
using AutoMLPlatform.Client.Access;
using AutoMLPlatform.Client.Feedback;
using AutoMLPlatform.Client.Predictions;

namespace AutoMLPlatform.Client.Tests.Feedback;

/// <summary>
/// The feedback loop through the client: the log switched on, ids on predictions, outcomes sent as objects and as a
/// CSV back-fill, live quality read back, and the labelled predictions turned into a dataset.
/// </summary>
[Category("Slow")]
public class FeedbackClientTests
{
    private TrainedModel _trained = null!;
    private PredictionBatch _batch = null!;
    private FeedbackClient Feedback => _trained.Client.Feedback;

    [OneTimeSetUp]
    public async Task TrainAndPredictAsync()
    {
        _trained = await TrainedModel.StartAsync();
        await Feedback.SetLogSettingsAsync(TrainedModel.Name, new PredictionLogSettings(1.0, 7));
        var rows = Enumerable.Range(0, 10).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["x1"] = i < 5 ? 0.9 : -0.9,
            ["x2"] = 0.1 * i,
            ["color"] = "red",
        });
        _batch = await _trained.Client.Predictions.PredictManyAsync(TrainedModel.Name, rows);
        await WaitUntilLoggedAsync(_batch.Predictions.Count);
    }

    [OneTimeTearDown]
    public void Stop() => _trained.Dispose();

    private PredictionId IdOf(int row) => _batch.Predictions[row].PredictionId ?? throw new AssertionException($"Row {row} has no prediction id.");

    /// <summary>The log is written off the request path: wait until the quality endpoint counts the rows.</summary>
    private async Task WaitUntilLoggedAsync(int rows)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Feedback.GetQualityAsync(TrainedModel.Name, 1)).Total.Predictions < rows)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The {rows} logged predictions were not written within 30 s.");
            }

            await Task.Delay(100);
        }
    }

    [Test]
    public async Task The_log_switch_reads_back_what_was_set_and_every_predicted_row_carries_an_id()
    {
        var settings = await Feedback.GetLogSettingsAsync(TrainedModel.Name);

        Assert.Multiple(() =>
        {
            Assert.That(settings, Is.EqualTo(new PredictionLogSettings(1.0, 7)));
            Assert.That(_batch.Predictions.Select(p => p.PredictionId), Is.All.Not.Null);
            Assert.That(_batch.Predictions.Select(p => p.PredictionId).Distinct().Count(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Outcomes_are_stored_per_row_and_bad_rows_are_reported_without_throwing()
    {
        var result = await Feedback.SendAsync(TrainedModel.Name,
        [
            Outcome.OfLabel(IdOf(0), "yes"),
            Outcome.OfLabel(IdOf(1), "maybe"),
            Outcome.OfValue(IdOf(2), 1.5),
            Outcome.OfLabel(new PredictionId(Guid.NewGuid()), "no"),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Accepted + result.Replaced, Is.EqualTo(1));
            Assert.That(result.Rejected, Is.EqualTo(3));
            Assert.That(result.Results.Select(r => (r.Index, r.Status, r.ErrorCode)), Is.EqualTo(new (int, int, string?)[]
            {
                (0, 200, null), (1, 400, "unknown-class"), (2, 400, "wrong-type"), (3, 404, "unknown-prediction"),
            }));
        });
    }

    [Test]
    public async Task A_csv_back_fill_gives_live_quality_and_a_dataset_to_retrain_on()
    {
        // Rows 5–9 were predicted "no" (x1 = -0.9); the back-fill says two of them were "yes".
        var csv = new StringBuilder("predictionId,label\n");
        for (var row = 5; row < 10; row++)
        {
            csv.Append(IdOf(row)).Append(',').Append(row < 7 ? "yes" : "no").Append('\n');
        }

        using var body = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var sent = await Feedback.SendCsvAsync(TrainedModel.Name, body);
        var quality = await Feedback.GetQualityAsync(TrainedModel.Name, 1, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(1),
            QualityGranularity.Hour);
        var dataset = await Feedback.CreateDatasetAsync(TrainedModel.Name, 1, "rule-live");

        Assert.Multiple(() =>
        {
            Assert.That(sent.Accepted + sent.Replaced, Is.EqualTo(5));
            Assert.That(quality.Window, Is.EqualTo("hour"));
            Assert.That(quality.Windows, Has.Count.GreaterThanOrEqualTo(24));
            Assert.That(quality.Total.Predictions, Is.EqualTo(10));
            Assert.That(quality.Total.Labelled, Is.GreaterThanOrEqualTo(5));
            Assert.That(quality.Total.Metrics["accuracy"], Is.InRange(0.0, 1.0));
            Assert.That(dataset.Name, Is.EqualTo("rule-live"));
            Assert.That(dataset.RowCount, Is.EqualTo(quality.Total.Labelled));
            Assert.That(dataset.Schema.Columns.Select(c => c.Name), Is.SupersetOf(new[] { "x1", "x2", "color", "y" }));
        });
    }

    [Test]
    public async Task A_feedback_key_sends_outcomes_but_cannot_predict()
    {
        var key = await _trained.Client.Keys.CreateAsync("outcomes", [ApiScopes.Feedback]);
        using var client = _trained.Host.Client(key.Key);

        var result = await client.Feedback.SendAsync(TrainedModel.Name, [Outcome.OfLabel(IdOf(3), "yes")]);
        var refused = Assert.ThrowsAsync<AutoMLPlatformException>(() =>
            client.Predictions.PredictAsync(TrainedModel.Name, new Dictionary<string, object?> { ["x1"] = 0.1, ["x2"] = 0.1, ["color"] = "red" }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Accepted + result.Replaced, Is.EqualTo(1));
            Assert.That(refused!.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public void A_sample_rate_above_one_is_a_400_with_its_error_code()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => Feedback.SetLogSettingsAsync("rule", new PredictionLogSettings(1.5, 7)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.ErrorCode, Is.EqualTo("invalid-sample-rate"));
        });
    }
}
