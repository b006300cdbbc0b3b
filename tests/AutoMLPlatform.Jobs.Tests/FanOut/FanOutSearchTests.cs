using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.FanOut;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Jobs.Training;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.FanOut;

[Category("Slow")]
public class FanOutSearchTests
{
    [Test]
    public async Task A_job_in_two_parts_searches_both_shares_of_the_trainers_and_registers_the_better_part_once()
    {
        var queue = new InProcessPartQueue();
        await using var stores = await StartAsync(queue);
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(400), parallelism: 2, maxTrials: 6);

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        await queue.DrainAsync();
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var trials = await stores.Jobs.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var parts = await stores.Services.GetRequiredService<IJobPartStore>().ListAsync(job.Id, 1, CancellationToken.None);
        var model = await stores.Registry.FindModelAsync(TenantId.Default, "rule", CancellationToken.None);
        var production = await stores.Registry.ResolveAliasAsync(TenantId.Default, "rule", ModelAliases.Production, CancellationToken.None);
        var best = parts.Select(p => p.Outcome!).MaxBy(o => o.Score)!;

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(parts.Select(p => p.Status), Is.EqualTo(new[] { JobPartStatus.Succeeded, JobPartStatus.Succeeded }));
            Assert.That(queue.Enqueued, Is.EqualTo(new[] { 1 }), "part 0 runs in the worker that holds the job");
            Assert.That(trials.Select(t => t.Trainer).Intersect(SearchShare.Part(job.Spec, 0).Trainers!), Is.Not.Empty);
            Assert.That(trials.Select(t => t.Trainer).Intersect(SearchShare.Part(job.Spec, 1).Trainers!), Is.Not.Empty);
            Assert.That(trials.Select(t => t.Number), Is.Unique);
            Assert.That(done.Progress.TrialsDone, Is.EqualTo(trials.Count));
            Assert.That(model!.LatestVersion, Is.EqualTo(1));
            Assert.That((production!.Lineage.Trainer, production.ArtifactSha256), Is.EqualTo((best.Trainer, best.ArtifactSha256)));
            Assert.That(production.Metrics["auc"], Is.EqualTo(best.Score));
        });
    }

    [Test]
    public async Task A_part_no_worker_takes_at_once_is_searched_by_the_worker_that_holds_the_job()
    {
        var queue = new InProcessPartQueue { Drop = true };
        await using var stores = await StartAsync(queue);
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(300), parallelism: 2, budgetSeconds: 8);

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var trials = await stores.Jobs.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var parts = await stores.Services.GetRequiredService<IJobPartStore>().ListAsync(job.Id, 1, CancellationToken.None);
        var production = await stores.Registry.ResolveAliasAsync(TenantId.Default, "rule", ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(parts.Select(p => p.Status), Is.EqualTo(new[] { JobPartStatus.Succeeded, JobPartStatus.Abandoned }));
            Assert.That(parts[1].Error, Is.EqualTo(FanOutSearch.AdoptedReason));
            Assert.That(trials.Select(t => t.Trainer).Intersect(SearchShare.Part(job.Spec, 1).Trainers!), Is.Not.Empty, "part 1's trainers were searched");
            Assert.That(production!.ArtifactSha256, Is.EqualTo(parts[0].Outcome!.ArtifactSha256));
        });
    }

    [Test]
    public async Task A_part_whose_worker_died_is_abandoned_after_the_lease_timeout()
    {
        var queue = new InProcessPartQueue { Drop = true };
        await using var stores = await StartAsync(queue, new() { ["AutoMLPlatform:Jobs:LeaseTimeout"] = "00:00:02" });
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(300), parallelism: 2, maxTrials: 2, budgetSeconds: 60);
        var partStore = stores.Services.GetRequiredService<IJobPartStore>();

        // A worker claims part 1 as soon as it exists, then dies (kill -9): it never beats or finishes.
        var run = stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        await WaitForAsync(async () => await partStore.TryClaimAsync(job.Id, 1, 1, "dead-worker:1", DateTimeOffset.UtcNow, CancellationToken.None));
        await run;
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var parts = await partStore.ListAsync(job.Id, 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(done.FinishedAt - done.StartedAt, Is.LessThan(TimeSpan.FromSeconds(50)), "the job did not wait for its budget to end");
            Assert.That((parts[1].Status, parts[1].Error), Is.EqualTo((JobPartStatus.Abandoned, "its worker went silent")));
        });
    }

    [Test]
    public async Task Cancelling_a_fanned_out_job_stops_every_part_and_registers_nothing()
    {
        var queue = new InProcessPartQueue();
        await using var stores = await StartAsync(queue);
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(20_000), parallelism: 2, budgetSeconds: 120);
        var partStore = stores.Services.GetRequiredService<IJobPartStore>();

        var run = stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        await WaitForAsync(async () => (await partStore.ListAsync(job.Id, 1, CancellationToken.None)) is { Count: 2 } parts
            && parts.All(p => p.Status == JobPartStatus.Running));
        await stores.Jobs.RequestCancelAsync(TenantId.Default, job.Id, CancellationToken.None);
        await run;
        await queue.DrainAsync();
        var cancelled = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var parts = await partStore.ListAsync(job.Id, 1, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(cancelled!.Status, Is.EqualTo(JobStatus.Cancelled));
            Assert.That((parts[1].Status, parts[1].Error), Is.EqualTo((JobPartStatus.Failed, "Stopped: the job was cancelled.")));
            Assert.That(await stores.Registry.FindModelAsync(TenantId.Default, "rule", CancellationToken.None), Is.Null);
        });
    }

    private static async Task<PlatformStores> StartAsync(InProcessPartQueue queue, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["AutoMLPlatform:Jobs:HeartbeatInterval"] = "00:00:00.100" };
        var stores = await JobsHost.StartAsync(new RecordingJobQueue(), settings: all,
            configure: services => services.AddSingleton<IJobPartQueue>(queue));
        queue.Runner = stores.Services.GetRequiredService<IJobPartRunner>();
        return stores;
    }

    private static async Task<TrainingJob> SubmitAsync(PlatformStores stores, string csv, int parallelism, int? maxTrials = null, int budgetSeconds = 30)
    {
        var dataset = await stores.AddDatasetAsync("data", csv);
        var job = TrainingJob.Create(TenantId.Default,
            new JobSpec(dataset.DatasetId, dataset.Version, "y", TaskKind.Binary, MetricKind.Auc, TimeSpan.FromSeconds(budgetSeconds), "rule",
                MaxTrials: maxTrials, Parallelism: parallelism), DateTimeOffset.UtcNow);
        await stores.Jobs.CreateAsync(job, CancellationToken.None);
        return job;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
