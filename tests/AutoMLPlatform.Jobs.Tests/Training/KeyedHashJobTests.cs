using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.Jobs.Training;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Tests.Training;

/// <summary>A job on a dataset whose <c>phone</c> column the uploader chose to hash, and what reads its model afterwards.</summary>
[Category("Slow")]
public class KeyedHashJobTests
{
    private PlatformStores _stores = null!;
    private TrainingJob _job = null!;
    private ModelVersion _version = null!;

    [OneTimeSetUp]
    public async Task TrainAsync()
    {
        _stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var dataset = await _stores.AddDatasetAsync("customers", HashedTables.CustomersCsv(), mark: s => HashedTables.MarkHashed(s, "phone"));
        _job = TrainingJob.Create(TenantId.Default,
            new JobSpec(dataset.DatasetId, dataset.Version, "y", TaskKind.Binary, null, TimeSpan.FromSeconds(20), "customers", MaxTrials: 3), DateTimeOffset.UtcNow);
        await _stores.Jobs.CreateAsync(_job, CancellationToken.None);
        await _stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(_job.Id, CancellationToken.None);
        _version = (await _stores.Registry.FindVersionAsync(TenantId.Default, "customers", 1, CancellationToken.None))!;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _stores.DisposeAsync();

    [Test]
    public async Task The_version_reads_the_hashed_column_as_a_keyed_hash_and_predicts_from_raw_values()
    {
        var done = await _stores.Jobs.FindAnyAsync(_job.Id, CancellationToken.None);
        var model = await _stores.Services.GetRequiredService<StoredModelReader>().ReadAsync(_version, new MLContext(1), CancellationToken.None);

        var yes = HashedModels.Probability(model.Transformer, HashedTables.YesCustomer);
        var no = HashedModels.Probability(model.Transformer, HashedTables.NoCustomer);

        Assert.Multiple(() =>
        {
            Assert.That(_version.Inputs.Single(i => i.Name == "phone").KeyedHash, Is.True);
            Assert.That(done!.Progress.Columns!.Single(c => c.Name == "phone").Reason, Does.Contain("HMAC-SHA256 under the tenant's key"));
            Assert.That(yes - no, Is.GreaterThan(0.3));
        });
    }

    [Test]
    public async Task Holdout_scoring_reads_raw_rows_through_the_keyed_hash()
    {
        var (table, _) = await TestTables.LoadAsync(HashedTables.CustomersCsv(100, seed: 9));

        var evaluation = await _stores.Services.GetRequiredService<HoldoutScorer>().ScoreAsync(_version, table, CancellationToken.None);

        Assert.That(evaluation.Metrics["auc"], Is.GreaterThan(0.95));
    }

    [Test]
    public async Task Importance_on_the_raw_training_rows_finds_the_hashed_column_that_carries_the_label()
    {
        var insights = await _stores.Services.GetRequiredService<IModelInsightStore>().FindAsync(TenantId.Default, "customers", 1, CancellationToken.None);

        Assert.That(insights.Importance!.Columns.MaxBy(c => c.Mean)!.Column, Is.EqualTo("phone"));
    }
}
