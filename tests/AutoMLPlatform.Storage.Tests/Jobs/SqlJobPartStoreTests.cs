using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Jobs;

namespace AutoMLPlatform.Storage.Tests.Jobs;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlJobPartStoreTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    [Test]
    public async Task Parts_are_created_queued_once_per_attempt()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (parts, job) = await StartAsync(fixture);

        await parts.CreateAsync(job.Id, 1, 3, CancellationToken.None);
        await parts.TryClaimAsync(job.Id, 1, 0, "host:1", Now, CancellationToken.None);
        await parts.CreateAsync(job.Id, 1, 3, CancellationToken.None);
        var listed = await parts.ListAsync(job.Id, 1, CancellationToken.None);
        var otherAttempt = await parts.ListAsync(job.Id, 2, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(p => (p.Index, p.Status)),
                Is.EqualTo(new[] { (0, JobPartStatus.Running), (1, JobPartStatus.Queued), (2, JobPartStatus.Queued) }));
            Assert.That(otherAttempt, Is.Empty);
        });
    }

    [Test]
    public async Task Only_one_of_two_claims_on_a_part_wins()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (parts, job) = await StartAsync(fixture);
        await parts.CreateAsync(job.Id, 1, 2, CancellationToken.None);

        var first = await parts.TryClaimAsync(job.Id, 1, 1, "host:1", Now, CancellationToken.None);
        var second = await parts.TryClaimAsync(job.Id, 1, 1, "host:1", Now, CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task An_abandoned_part_can_neither_beat_nor_finish()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (parts, job) = await StartAsync(fixture);
        await parts.CreateAsync(job.Id, 1, 2, CancellationToken.None);
        await parts.TryClaimAsync(job.Id, 1, 1, "host:1", Now, CancellationToken.None);

        var abandoned = await parts.TryAbandonAsync(job.Id, 1, 1, JobPartStatus.Running, "its worker went silent", CancellationToken.None);
        var beat = await parts.TryHeartbeatAsync(job.Id, 1, 1, Now.AddSeconds(1), CancellationToken.None);
        var finished = await parts.TryFinishAsync(JobPart.Succeeded(job.Id, 1, 1, Outcome()), CancellationToken.None);
        var stored = (await parts.ListAsync(job.Id, 1, CancellationToken.None))[1];

        Assert.Multiple(() =>
        {
            Assert.That((abandoned, beat, finished), Is.EqualTo((true, false, false)));
            Assert.That((stored.Status, stored.Error, stored.Outcome), Is.EqualTo((JobPartStatus.Abandoned, "its worker went silent", (JobPartOutcome?)null)));
        });
    }

    [Test]
    public async Task A_finished_part_reads_back_its_outcome_with_plain_hyperparameters()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var (parts, job) = await StartAsync(fixture);
        await parts.CreateAsync(job.Id, 1, 2, CancellationToken.None);
        await parts.TryClaimAsync(job.Id, 1, 1, "host:1", Now, CancellationToken.None);
        await parts.TryHeartbeatAsync(job.Id, 1, 1, Now.AddSeconds(2), CancellationToken.None);

        var finished = await parts.TryFinishAsync(JobPart.Succeeded(job.Id, 1, 1, Outcome()), CancellationToken.None);
        var stored = (await parts.ListAsync(job.Id, 1, CancellationToken.None))[1];

        Assert.Multiple(() =>
        {
            Assert.That(finished, Is.True);
            Assert.That(stored.Status, Is.EqualTo(JobPartStatus.Succeeded));
            Assert.That((stored.Worker, stored.HeartbeatAt), Is.EqualTo(("host:1", (DateTimeOffset?)Now.AddSeconds(2))));
            Assert.That(stored.Outcome!.Hyperparameters, Is.EquivalentTo(Outcome().Hyperparameters));
            Assert.That((stored.Outcome.ArtifactSha256, stored.Outcome.ArtifactSizeBytes, stored.Outcome.Task, stored.Outcome.Metric, stored.Outcome.Score,
                stored.Outcome.Trainer, stored.Outcome.Trials), Is.EqualTo(("ab12", 2048L, TaskKind.Binary, MetricKind.Auc, 0.93, "FastTree", 7)));
            Assert.That(stored.Outcome.Metrics, Is.EquivalentTo(Outcome().Metrics));
            Assert.That(stored.Outcome.Inputs, Is.EqualTo(Outcome().Inputs));
            Assert.That(stored.Outcome.Classes, Is.EqualTo(Outcome().Classes));
        });
    }

    private static async Task<(SqlJobPartStore Parts, TrainingJob Job)> StartAsync(StoreFixture fixture)
    {
        var job = TrainingJob.Create(TenantId.Default,
            new JobSpec(DatasetId.New(), 1, "y", TaskKind.Binary, MetricKind.Auc, TimeSpan.FromSeconds(30), "m", Parallelism: 2), Now).Start(Now);
        await new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None).CreateAsync(job, CancellationToken.None);
        return (new SqlJobPartStore(fixture.Database), job);
    }

    private static JobPartOutcome Outcome() => new("ab12", 2048, TaskKind.Binary, MetricKind.Auc, 0.93, "FastTree",
        new Dictionary<string, object> { ["NumberOfLeaves"] = 31.0, ["Shrinkage"] = 0.1, ["Balanced"] = true, ["Loss"] = "log" },
        new Dictionary<string, double> { ["auc"] = 0.93, ["accuracy"] = 0.88 },
        [new ModelInputColumn("x", ColumnType.Numeric, AllowMissing: true)], ["no", "yes"], Trials: 7, Report: null);
}
