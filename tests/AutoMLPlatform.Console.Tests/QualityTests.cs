using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// A version's live quality on its page, against the real prediction log, feedback and quality endpoints: a model that
/// logs, whose predictions of ten rows got six outcomes (four as predicted, two not), and one that never logged.
/// </summary>
[Category("Slow")]
public class QualityTests : ConsoleFixture
{
    private const string Logged = "watched";
    private const string Unlogged = "unwatched";

    [OneTimeSetUp]
    public async Task TrainPredictAndLabelAsync()
    {
        var dataset = await Platform.UploadAsync(ApiArrangements.ThreeClassCsv(300), Logged);
        await Platform.TrainQuicklyAsync(dataset, "kind", Logged, "multiclass");
        await Platform.TrainQuicklyAsync(dataset, "kind", Unlogged, "multiclass");
        using var api = Platform.Api();
        using (var switched = await api.PutAsJsonAsync(new Uri($"/api/models/{Logged}/prediction-log", UriKind.Relative), new { sampleRate = 1.0, retentionDays = 7 }))
        {
            Assert.That(switched.IsSuccessStatusCode, Is.True, await switched.Content.ReadAsStringAsync());
        }

        var rows = Enumerable.Range(0, 10).Select(i => new { x1 = -0.9 + 0.2 * i, x2 = 0.1, x3 = 0.0 }).ToArray();
        using var predicted = await api.PostAsJsonAsync(new Uri($"/api/predict/{Logged}", UriKind.Relative), rows);
        var predictions = JsonNode.Parse(await predicted.Content.ReadAsStringAsync())!["predictions"]!.AsArray();
        var outcomes = predictions.Take(6).Select((p, i) => new
        {
            predictionId = (string)p!["predictionId"]!,
            label = i < 4 ? (string)p["predictedLabel"]! : (string)p["predictedLabel"]! == "low" ? "high" : "low",
        }).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // The log is written off the request path: outcomes for rows not yet written are refused as unknown; send again.
            using var sent = await api.PostAsJsonAsync(new Uri($"/api/models/{Logged}/feedback", UriKind.Relative), outcomes);
            var answer = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
            if ((int)answer["accepted"]! + (int)answer["replaced"]! == outcomes.Length)
            {
                break;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), answer.ToJsonString());
            await Task.Delay(200);
        }
    }

    [Test]
    public void A_logging_version_shows_its_live_metrics_in_total_per_window_and_as_a_chart()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");

        Browser.Open($"#/models/{Logged}/versions/1");

        var total = Browser.WaitFor("#quality-total");
        Browser.WaitFor("#quality-windows");
        Assert.Multiple(() =>
        {
            Assert.That(total.Text, Does.Contain("Predictions logged\n10").And.Contain("With feedback\n6 (60 %)").And.Contain($"accuracy\n{ConsoleNumbers.AsShown(4 / 6.0)}"));
            Assert.That(Browser.FindAll("#quality-windows tbody tr"), Has.Count.EqualTo(1), "one day with predictions");
            Assert.That(Browser.Find("#quality-windows").Text, Does.Contain(ConsoleNumbers.AsShown(4 / 6.0)));
            Assert.That(Browser.FindAll("#quality-chart canvas"), Has.Count.EqualTo(1));
            Assert.That(Browser.FindAll("#quality-log-off"), Is.Empty);
        });
        Browser.Screenshot("live-quality");
    }

    [Test]
    public void A_version_of_a_model_that_does_not_log_says_so_and_has_nothing_to_chart()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");

        Browser.Open($"#/models/{Unlogged}/versions/1");

        Browser.WaitFor("#quality-total");
        Assert.Multiple(() =>
        {
            Assert.That(Browser.Find("#quality-log-off").Text, Does.Contain("does not log its predictions"));
            Assert.That(Browser.Find("#quality-none").Text, Does.Contain("No prediction in this range has feedback yet."));
            Assert.That(Browser.FindAll("#quality-chart"), Is.Empty);
        });
    }
}
