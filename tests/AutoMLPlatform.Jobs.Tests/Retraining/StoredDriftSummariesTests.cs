using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Retraining;

/// <summary>
/// The worker's drift reader (<see cref="JobsServiceCollectionExtensions.AddStoredDriftSummaries"/>): Insight's
/// computation over the counts scoring hosts stored, composed without the scoring service's options. A version of a
/// model on a stored dataset is registered (no model file is needed to read drift) and counts are stored for it as
/// a scoring host's flush would.
/// </summary>
public class StoredDriftSummariesTests
{
    private static readonly string TrainingCsv = TestTables.BinaryCsv(300, 3);

    [Test]
    public async Task A_worker_reads_the_stored_counts_against_the_reference_even_with_a_scoring_setting_it_does_not_read_being_invalid()
    {
        // A scoring setting out of its range stopped a worker's start while it validated the scoring service's options.
        await using var stores = await PlatformStores.StartAsync(configure: services => services.AddStoredDriftSummaries(),
            settings: new Dictionary<string, string?> { ["AutoMLPlatform:Scoring:MaxRowsPerRequest"] = "0" });
        var version = await RegisterAsync(stores);
        await stores.Services.GetRequiredService<IDriftStore>().AddAsync(version.TenantId, version.ModelName, version.Version,
            [new DriftCount(-2, 0, 300), new DriftCount(0, 0, 300)], CancellationToken.None);

        var summary = await stores.Services.GetRequiredService<IDriftSummaries>().SummarizeAsync(version, CancellationToken.None);

        // Every scored x1 in the lowest of its ten training bins: far from the training shares.
        Assert.Multiple(() =>
        {
            Assert.That(summary?.Rows, Is.EqualTo(300));
            Assert.That(summary?.InputPsi["x1"], Is.GreaterThan(1));
        });
    }

    [Test]
    public async Task With_drift_turned_off_a_worker_reads_no_summary()
    {
        await using var stores = await PlatformStores.StartAsync(configure: services => services.AddStoredDriftSummaries(),
            settings: new Dictionary<string, string?> { ["AutoMLPlatform:Scoring:Drift:Enabled"] = "false" });
        var version = await RegisterAsync(stores);
        await stores.Services.GetRequiredService<IDriftStore>().AddAsync(version.TenantId, version.ModelName, version.Version,
            [new DriftCount(-2, 0, 300), new DriftCount(0, 0, 300)], CancellationToken.None);

        var summary = await stores.Services.GetRequiredService<IDriftSummaries>().SummarizeAsync(version, CancellationToken.None);

        Assert.That(summary, Is.Null);
    }

    private static async Task<ModelVersion> RegisterAsync(PlatformStores stores)
    {
        var dataset = await stores.AddDatasetAsync("training", TrainingCsv);
        return await stores.Registry.RegisterAsync(new NewModelVersion(TenantId.Default, "rule", TaskKind.Binary, "y", MetricKind.Auc,
            new Dictionary<string, double>(), [new ModelInputColumn("x1", ColumnType.Numeric, false), new ModelInputColumn("x2", ColumnType.Numeric, false),
                new ModelInputColumn("color", ColumnType.Categorical, false)], ["no", "yes"],
            new ModelLineage(dataset.DatasetId, dataset.Version, null, "test", new Dictionary<string, object>()), new string('a', 64), 1), CancellationToken.None);
    }
}
