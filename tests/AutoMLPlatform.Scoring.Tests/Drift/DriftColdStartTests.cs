using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Drift;

/// <summary>
/// A cold model does not wait for its drift reference. The reference reads the training data through a gate
/// (<see cref="GatedDatasetReads"/>) that each test holds closed, opens or fails; one model trained on a stored dataset
/// is registered as four identical versions, so each test (with a host of its own) counts into its own version.
/// </summary>
[Category("Slow")]
public class DriftColdStartTests
{
    /// <summary>How long an answer may take before the test calls it stuck: far beyond a cold load, so never a timing assertion.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(1);

    private static readonly string TrainingCsv = TestTables.BinaryCsv(300, 3);
    private readonly TempDirectory _directory = new();
    private TaskCompletionSource? _gate;
    private ScoringHost? _host;

    [OneTimeSetUp]
    public async Task RegisterAsync()
    {
        await using var stores = await PlatformStores.StartAsync(_directory.Path);
        var dataset = await stores.AddDatasetAsync("training", TrainingCsv);
        var first = await RegisteredModels.TrainAndRegisterAsync(stores, TrainingCsv, "y", "rule", trainedOn: dataset);
        foreach (var _ in Enumerable.Range(2, 3))
        {
            await stores.Registry.RegisterAsync(new NewModelVersion(first.TenantId, first.ModelName, first.Task, first.Label, first.Metric,
                first.Metrics, first.Inputs, first.Classes, first.Lineage, first.ArtifactSha256, first.ArtifactSizeBytes), CancellationToken.None);
        }
    }

    [TearDown]
    public void Stop()
    {
        // The host's last flush waits for references being built: the gate opens first, so its stop does not wait out its time.
        _gate?.TrySetResult();
        _host?.Dispose();
        _gate = null;
        _host = null;
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    [Test]
    public async Task A_host_that_handed_out_drift_summaries_stops_cleanly()
    {
        // DriftMonitor is registered as itself and as IDriftSummaries: the container disposes it once per registration.
        var host = await ScoringHost.StartAsync(_directory, versions: 0);
        Assert.That(host.Services.GetRequiredService<IDriftSummaries>(), Is.SameAs(host.Services.GetRequiredService<DriftMonitor>()));

        Assert.That(host.Dispose, Throws.Nothing);
    }

    [Test]
    public async Task A_cold_model_answers_its_first_prediction_while_its_drift_reference_is_not_built()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host = await ScoringHost.StartAsync(_directory, versions: 0, services: GatedDatasetReads.Install(_gate.Task));
        using var client = _host.CreateClient();

        using var response = await _host.PostJsonAsync(client, "/api/predict/rule?version=1", ScoringHost.Row).WaitAsync(Stuck);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Rows_scored_before_the_reference_is_built_are_counted_once_it_is()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = await ScoringHost.StartAsync(_directory, versions: 0, settings: ScoringHost.ExactDrift(), services: GatedDatasetReads.Install(gate.Task));
        using var client = host.CreateClient();
        await ScoreAsync(client, 2, TrainingCsv);

        gate.SetResult();
        var drift = await DriftAsync(client, 2);

        Assert.Multiple(() =>
        {
            Assert.That((bool)drift["monitored"]!, Is.True);
            Assert.That((long)drift["rows"]!, Is.EqualTo(300));
            Assert.That(drift["columns"]!.AsArray().Select(c => (long)c!["rows"]!), Is.All.EqualTo(300));
            Assert.That(drift["columns"]!.AsArray().Select(c => c!["psi"]!.GetValue<double>()), Is.All.LessThan(0.02));
        });
    }

    [Test]
    public async Task Rows_beyond_those_kept_while_the_reference_is_built_count_in_the_total_but_not_in_the_histograms()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = await ScoringHost.StartAsync(_directory, versions: 0, settings: ScoringHost.ExactDrift(), services: GatedDatasetReads.Install(gate.Task));
        using var client = host.CreateClient();
        var lines = TrainingCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = Enumerable.Range(0, DriftSink.MaxBufferedRows + 500).Select(i => lines[1 + (i % (lines.Length - 1))]);
        await ScoreAsync(client, 3, string.Join('\n', rows.Prepend(lines[0])) + "\n");

        gate.SetResult();
        var drift = await DriftAsync(client, 3);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That((long)drift["rows"]!, Is.EqualTo(DriftSink.MaxBufferedRows + 500));
            Assert.That(drift["columns"]!.AsArray().Select(c => (long)c!["rows"]!), Is.All.EqualTo(DriftSink.MaxBufferedRows));
            Assert.That(metrics.Split('\n').Where(line => line.StartsWith("scoring_drift_rows_skipped_total{", StringComparison.Ordinal)
                && line.Contains("version=\"3\"", StringComparison.Ordinal)).Select(line => line.Split(' ')[^1]), Is.EqualTo(new[] { "500" }));
        });
    }

    [Test]
    public async Task A_reference_that_fails_to_build_leaves_predictions_answering_and_the_version_unmonitored()
    {
        var gate = new TaskCompletionSource();
        gate.SetException(new InvalidOperationException("The training data cannot be read."));
        using var host = await ScoringHost.StartAsync(_directory, versions: 0, services: GatedDatasetReads.Install(gate.Task));
        using var client = host.CreateClient();

        using var response = await host.PostJsonAsync(client, "/api/predict/rule?version=4", ScoringHost.Row).WaitAsync(Stuck);
        var drift = await DriftAsync(client, 4);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((bool)drift["monitored"]!, Is.False);
        });
    }

    private static async Task ScoreAsync(HttpClient client, int version, string csv)
    {
        using var response = await client.PostAsync(new Uri($"/api/predict/rule/batch?version={version}", UriKind.Relative),
            new StringContent(csv, Encoding.UTF8, "text/csv")).WaitAsync(Stuck);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> DriftAsync(HttpClient client, int version)
    {
        using var response = await client.GetAsync(new Uri($"/api/models/rule/versions/{version}/drift", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await ScoringHost.ReadObjectAsync(response);
    }
}
