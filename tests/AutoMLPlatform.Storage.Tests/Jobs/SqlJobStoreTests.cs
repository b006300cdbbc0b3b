using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Jobs;

namespace AutoMLPlatform.Storage.Tests.Jobs;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlJobStoreTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    [Test]
    public async Task A_job_reads_back_as_it_was_stored()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None);
        var job = NewJob();

        await store.CreateAsync(job, CancellationToken.None);
        var found = await store.FindAsync(TenantId.Default, job.Id, CancellationToken.None);

        Assert.That(found, Is.EqualTo(job).Using<TrainingJob>((a, b) => a.Id == b.Id && a.Spec == b.Spec && a.Status == b.Status && a.CreatedAt == b.CreatedAt));
    }

    [Test]
    public async Task Only_one_of_two_claims_on_a_queued_job_wins()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None);
        var job = NewJob();
        await store.CreateAsync(job, CancellationToken.None);

        var first = await store.TryUpdateAsync(job.Start(Now), JobStatus.Queued, 0, CancellationToken.None);
        var second = await store.TryUpdateAsync(job.Start(Now), JobStatus.Queued, 0, CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task A_progress_write_does_not_clear_a_cancel_request()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None);
        var running = NewJob().Start(Now);
        await store.CreateAsync(running, CancellationToken.None);

        await store.RequestCancelAsync(TenantId.Default, running.Id, CancellationToken.None);
        await store.TryUpdateAsync(running with { Progress = running.Progress with { TrialsDone = 3 } }, JobStatus.Running, 1, CancellationToken.None);
        var found = await store.FindAnyAsync(running.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.CancelRequested, Is.True);
            Assert.That(found.Progress.TrialsDone, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Trials_are_kept_per_attempt_with_their_hyperparameters()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None);
        var job = NewJob();
        await store.CreateAsync(job, CancellationToken.None);
        var trial = new TrialRecord(1, "LightGbm", new Dictionary<string, object> { ["numberOfLeaves"] = 31.0, ["booster"] = "gbdt" }, 0.91,
            new Dictionary<string, double> { ["auc"] = 0.91 }, TimeSpan.FromMilliseconds(1500), null);

        await store.AddTrialAsync(job.Id, 1, trial, CancellationToken.None);
        var firstAttempt = await store.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var secondAttempt = await store.ListTrialsAsync(job.Id, 2, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(firstAttempt.Single().Hyperparameters, Is.EquivalentTo(trial.Hyperparameters));
            Assert.That(firstAttempt.Single().Duration, Is.EqualTo(trial.Duration));
            Assert.That(secondAttempt, Is.Empty);
        });
    }

    [Test]
    public async Task Counts_add_up_queued_running_and_recently_failed_jobs_of_every_tenant()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None);
        var other = TenantId.New();
        await store.CreateAsync(NewJob(), CancellationToken.None);
        await store.CreateAsync(NewJob(other), CancellationToken.None);
        await store.CreateAsync(NewJob(other).Start(Now), CancellationToken.None);
        await store.CreateAsync(NewJob().Start(Now).Fail(Now.AddMinutes(-10), "recent"), CancellationToken.None);
        await store.CreateAsync(NewJob(other).Start(Now).Fail(Now.AddHours(-2), "old"), CancellationToken.None);
        await store.CreateAsync(NewJob().Start(Now).Succeed(Now, new ModelVersionRef("m", 1)), CancellationToken.None);

        var counts = await store.CountAsync(Now.AddHours(-1), CancellationToken.None);

        Assert.That(counts, Is.EqualTo(new JobCounts(Queued: 2, Running: 1, RecentlyFailed: 1)));
    }

    [Test]
    public async Task A_trial_keeps_why_the_search_gave_it_to_its_trainer()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, Tenancy.FixedLimits.None);
        var job = NewJob();
        await store.CreateAsync(job, CancellationToken.None);
        var trial = new TrialRecord(1, "Sdca", new Dictionary<string, object>(), 0.81, new Dictionary<string, double> { ["auc"] = 0.81 },
            TimeSpan.FromMilliseconds(90), null, "chance 2 %, next improvement ~4 s: trails the best by 0.1 auc after 3 trials");

        await store.AddTrialAsync(job.Id, 1, trial, CancellationToken.None);
        var stored = (await store.ListTrialsAsync(job.Id, 1, CancellationToken.None)).Single();

        Assert.That(stored.Selection, Is.EqualTo(trial.Selection));
    }

    [Test]
    public async Task Jobs_created_at_once_stop_at_the_tenant_s_job_quota()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlJobStore(fixture.Database, new Tenancy.FixedLimits(maxActiveJobs: 2));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.CreateAsync(NewJob(), CancellationToken.None);
                return "created";
            }
            catch (Core.Common.LimitExceededException ex)
            {
                return ex.ErrorCode;
            }
        })));
        var active = await store.ListByStatusAsync(JobStatus.Queued, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o == "created"), Is.EqualTo(2));
            Assert.That(outcomes.Count(o => o == "job-quota"), Is.EqualTo(4));
            Assert.That(active, Has.Count.EqualTo(2));
        });
    }

    private static TrainingJob NewJob(TenantId? tenant = null) => TrainingJob.Create(tenant ?? TenantId.Default,
        new JobSpec(DatasetId.New(), 1, "y", TaskKind.Binary, MetricKind.Auc, TimeSpan.FromSeconds(30), "m"), Now);
}
