using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Drift;

/// <summary>
/// Drift counts kept in the store: one model trained on a stored dataset, registered as two identical versions so each
/// test counts into its own version; every test starts its own hosts over the shared data directory.
/// </summary>
[Category("Slow")]
public class DriftPersistenceTests
{
    private static readonly string TrainingCsv = TestTables.BinaryCsv(300, 3);
    private readonly TempDirectory _directory = new();

    [OneTimeSetUp]
    public async Task RegisterAsync()
    {
        await using var stores = await PlatformStores.StartAsync(_directory.Path);
        var dataset = await stores.AddDatasetAsync("training", TrainingCsv);
        var first = await RegisteredModels.TrainAndRegisterAsync(stores, TrainingCsv, "y", "rule", trainedOn: dataset);
        await stores.Registry.RegisterAsync(new NewModelVersion(first.TenantId, first.ModelName, first.Task, first.Label, first.Metric,
            first.Metrics, first.Inputs, first.Classes, first.Lineage, first.ArtifactSha256, first.ArtifactSizeBytes), CancellationToken.None);
    }

    [OneTimeTearDown]
    public void Delete() => _directory.Dispose();

    [Test]
    public async Task Counts_flushed_by_one_host_are_seen_by_a_second_host_sharing_the_store()
    {
        using var scorer = await ScoringHost.StartAsync(_directory, versions: 0, settings: ScoringHost.ExactDrift());
        using var reader = await ScoringHost.StartAsync(_directory, versions: 0, settings: ScoringHost.ExactDrift());
        await ScoreAsync(scorer, 1);

        await scorer.Services.GetRequiredService<DriftMonitor>().FlushAsync(CancellationToken.None);
        var drift = await DriftAsync(reader, 1);

        Assert.Multiple(() =>
        {
            Assert.That((long)drift["rows"]!, Is.EqualTo(300));
            Assert.That(drift["columns"]!.AsArray().Select(c => (long)c!["rows"]!), Is.All.EqualTo(300));
        });
    }

    [Test]
    public async Task Counts_survive_a_graceful_restart_and_add_to_the_new_process_counts()
    {
        using (var before = await ScoringHost.StartAsync(_directory, versions: 0, settings: ScoringHost.ExactDrift()))
        {
            await ScoreAsync(before, 2);
        }

        using var after = await ScoringHost.StartAsync(_directory, versions: 0, settings: ScoringHost.ExactDrift());
        await ScoreAsync(after, 2);
        var drift = await DriftAsync(after, 2);

        Assert.Multiple(() =>
        {
            Assert.That((long)drift["rows"]!, Is.EqualTo(600));
            Assert.That(drift["columns"]!.AsArray().Select(c => c!["psi"]!.GetValue<double>()), Is.All.LessThan(0.02));
        });
    }

    private static async Task ScoreAsync(ScoringHost host, int version)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri($"/api/predict/rule/batch?version={version}", UriKind.Relative),
            new StringContent(TrainingCsv, Encoding.UTF8, "text/csv"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> DriftAsync(ScoringHost host, int version)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/models/rule/versions/{version}/drift", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await ScoringHost.ReadObjectAsync(response);
    }
}
