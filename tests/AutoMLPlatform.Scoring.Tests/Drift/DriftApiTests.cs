using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Scoring.Tests.Drift;

/// <summary>
/// One model trained on a stored dataset and registered as five identical versions, so each test scores its own
/// version and the counts of one test never reach another.
/// </summary>
[Category("Slow")]
public class DriftApiTests
{
    private static readonly string TrainingCsv = TestTables.BinaryCsv(300, 3);
    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(async stores =>
        {
            var dataset = await stores.AddDatasetAsync("training", TrainingCsv);
            var first = await RegisteredModels.TrainAndRegisterAsync(stores, TrainingCsv, "y", "rule", trainedOn: dataset);
            foreach (var _ in Enumerable.Range(2, 4))
            {
                await stores.Registry.RegisterAsync(new NewModelVersion(first.TenantId, first.ModelName, first.Task, first.Label, first.Metric,
                    first.Metrics, first.Inputs, first.Classes, first.Lineage, first.ArtifactSha256, first.ArtifactSizeBytes), CancellationToken.None);
            }
        }, versions: 0, settings: ScoringHost.ExactDrift());
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task Scoring_the_training_rows_shows_no_drift()
    {
        await ScoreAsync(1, TrainingCsv);

        var drift = await DriftAsync(1);

        Assert.Multiple(() =>
        {
            Assert.That((long)drift["rows"]!, Is.EqualTo(300));
            Assert.That((bool)drift["monitored"]!, Is.True);
            Assert.That(Column(drift, "x1")["psi"]!.GetValue<double>(), Is.LessThan(0.02));
            Assert.That(Column(drift, "x2")["psi"]!.GetValue<double>(), Is.LessThan(0.02));
            Assert.That(Column(drift, "color")["psi"]!.GetValue<double>(), Is.LessThan(0.02));
            Assert.That(Column(drift, "color")["unseenShare"]!.GetValue<double>(), Is.Zero);
            Assert.That(drift["predictions"]!["psi"]!.GetValue<double>(), Is.LessThan(0.1));
        });
    }

    [Test]
    public async Task Shifting_one_numeric_column_shows_large_drift_in_that_column_only()
    {
        await ScoreAsync(2, TestTables.Shift(TrainingCsv, column: 0, by: 0.8));

        var drift = await DriftAsync(2);

        Assert.Multiple(() =>
        {
            Assert.That(Column(drift, "x1")["psi"]!.GetValue<double>(), Is.GreaterThan(0.25));
            Assert.That(Column(drift, "x2")["psi"]!.GetValue<double>(), Is.LessThan(0.02));
        });
    }

    [Test]
    public async Task Categories_training_never_saw_are_counted_as_unseen()
    {
        // Red becomes a colour training never saw, green goes missing, blue stays: about half the present values are unseen.
        await ScoreAsync(3, TrainingCsv.Replace(",red,", ",purple,", StringComparison.Ordinal).Replace(",green,", ",,", StringComparison.Ordinal));

        var color = Column(await DriftAsync(3), "color");

        Assert.Multiple(() =>
        {
            Assert.That(color["unseenShare"]!.GetValue<double>(), Is.GreaterThan(0.3).And.LessThan(0.7));
            Assert.That(color["missingShare"]!.GetValue<double>(), Is.GreaterThan(0.2).And.LessThan(0.45));
            Assert.That(color["trainingMissingShare"]!.GetValue<double>(), Is.Zero);
        });
    }

    [Test]
    public async Task A_version_that_served_nothing_answers_200_with_zero_counts_and_no_psi()
    {
        using var response = await _scoring.Client.GetAsync(new Uri("/api/models/rule/versions/4/drift", UriKind.Relative));
        var drift = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((long)drift["rows"]!, Is.Zero);
            Assert.That(drift["columns"]!.AsArray().Select(c => (string?)c!["name"]), Is.EquivalentTo(new[] { "x1", "x2", "color" }));
            Assert.That(drift["columns"]!.AsArray().Select(c => c!["psi"]), Is.All.Null);
            Assert.That(drift["columns"]!.AsArray().Select(c => (long)c!["rows"]!), Is.All.Zero);
        });
    }

    [Test]
    public async Task Each_columns_psi_is_exported_to_prometheus()
    {
        await ScoreAsync(5, TrainingCsv);

        var metrics = await _scoring.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.That(metrics.Split('\n').Where(line => line.StartsWith("scoring_drift_psi{", StringComparison.Ordinal) && line.Contains("version=\"5\"",
            StringComparison.Ordinal)).Select(line => line[(line.IndexOf("column=\"", StringComparison.Ordinal) + 8)..].Split('"')[0]),
            Is.EquivalentTo(new[] { "x1", "x2", "color", "(prediction)" }));
    }

    [TestCase("/api/models/rule/versions/9/drift")]
    [TestCase("/api/models/nope/versions/1/drift")]
    public async Task An_unknown_version_answers_404_problem_details(string path)
    {
        using var response = await _scoring.Client.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("model-not-found"));
        });
    }

    private async Task ScoreAsync(int version, string csv)
    {
        using var response = await _scoring.Client.PostAsync(new Uri($"/api/predict/rule/batch?version={version}", UriKind.Relative),
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> DriftAsync(int version)
    {
        using var response = await _scoring.Client.GetAsync(new Uri($"/api/models/rule/versions/{version}/drift", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await ScoringHost.ReadObjectAsync(response);
    }

    private static JsonNode Column(JsonObject drift, string name) =>
        drift["columns"]!.AsArray().Single(c => (string?)c!["name"] == name)!;
}
