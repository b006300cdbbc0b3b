using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Training;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Training;

[Category("Slow")]
public class TrainingRunnerTests
{
    [Test]
    public async Task A_queued_job_trains_registers_a_version_and_records_its_leaderboard()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(300));

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var trials = await stores.Jobs.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var production = await stores.Registry.ResolveAliasAsync(TenantId.Default, "rule", ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded));
            Assert.That(done.Result, Is.EqualTo(new ModelVersionRef("rule", 1)));
            Assert.That(done.Progress.TrialsDone, Is.EqualTo(trials.Count).And.GreaterThan(0));
            Assert.That(done.Progress.Columns!.Select(c => c.Name), Does.Contain("color"));
            Assert.That(production!.Lineage.JobId, Is.EqualTo(job.Id));
        });
    }

    [Test]
    public async Task A_job_another_worker_already_claimed_is_not_run_twice()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(100));
        await stores.Jobs.TryUpdateAsync(job.Start(DateTimeOffset.UtcNow), JobStatus.Queued, 0, CancellationToken.None);

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var after = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(after!.Status, Is.EqualTo(JobStatus.Running));
            Assert.That(after.Attempt, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_job_whose_label_cannot_be_learned_fails_with_the_reason_on_its_row()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitAsync(stores, "x,y\n1,a\n2,a\n3,a\n4,a\n5,a\n6,a\n7,a\n8,a\n9,a\n10,a\n11,a\n");

        Assert.ThrowsAsync<Core.Common.UnprocessableException>(() => stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None));
        var failed = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failed!.Status, Is.EqualTo(JobStatus.Failed));
            Assert.That(failed.Error, Does.Contain("single value"));
        });
    }

    [Test]
    public async Task A_job_cancelled_while_it_runs_ends_cancelled_without_a_model()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue(),
            settings: new() { ["AutoMLPlatform:Jobs:HeartbeatInterval"] = "00:00:00.100" });
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(20_000), budgetSeconds: 60);
        var runner = stores.Services.GetRequiredService<ITrainingRunner>();

        var run = runner.RunAsync(job.Id, CancellationToken.None);
        await WaitForAsync(stores, job.Id, j => j.Status == JobStatus.Running);
        await stores.Jobs.RequestCancelAsync(TenantId.Default, job.Id, CancellationToken.None);
        await run;
        var cancelled = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(cancelled!.Status, Is.EqualTo(JobStatus.Cancelled));
            Assert.That(await stores.Registry.FindModelAsync(TenantId.Default, "rule", CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task A_job_interrupted_by_shutdown_goes_back_to_the_queue()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(20_000), budgetSeconds: 60);
        using var shutdown = new CancellationTokenSource();

        var run = stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, shutdown.Token);
        await WaitForAsync(stores, job.Id, j => j.Status == JobStatus.Running);
        await shutdown.CancelAsync();
        await run;
        var requeued = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);

        Assert.That((requeued!.Status, requeued.Attempt), Is.EqualTo((JobStatus.Queued, 1)));
    }

    [Test]
    [NonParallelizable]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task No_piece_of_a_trained_model_is_written_where_other_users_of_the_temp_directory_can_read_it()
    {
        using var temp = new TempDirectory();
        var readable = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watcher = new FileSystemWatcher(temp.Path) { EnableRaisingEvents = true };
        watcher.Created += (_, e) =>
        {
            // Whatever appears directly in the shared directory must be closed to group and others, or be gone unread.
            var mode = File.Exists(e.FullPath) || Directory.Exists(e.FullPath) ? File.GetUnixFileMode(e.FullPath) : (UnixFileMode?)null;
            if (mode is null || (mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                readable.Enqueue($"{e.Name} ({mode?.ToString() ?? "gone before it could be checked"})");
            }
        };
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(200), budgetSeconds: 5);
        var previous = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", temp.Path);
        try
        {
            await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previous);
        }

        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        await Task.Delay(200); // file events arrive asynchronously

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded));
            Assert.That(readable, Is.Empty, "entries of the shared temp directory others could read while the job trained and stored its model");
        });
    }

    [Test]
    public async Task A_job_whose_succeeded_write_fails_after_registration_registers_once_when_it_runs_again()
    {
        var queue = new RecordingJobQueue();
        await using var stores = await JobsHost.StartAsync(queue, configure: FaultyJobStore.Install);
        var job = await SubmitAsync(stores, TestTables.BinaryCsv(200), maxTrials: 2);
        var runner = stores.Services.GetRequiredService<ITrainingRunner>();
        stores.Services.GetRequiredService<FaultyJobStore>().FailNextSucceededWrite();

        await runner.RunAsync(job.Id, CancellationToken.None);
        var requeued = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        await runner.RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var versions = await stores.Registry.ListVersionsAsync(TenantId.Default, "rule", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(requeued!.Status, Is.EqualTo(JobStatus.Queued), "the failed write sent the job round again");
            Assert.That(queue.Enqueued, Does.Contain(job.Id));
            Assert.That((done!.Status, done.Attempt), Is.EqualTo((JobStatus.Succeeded, 2)));
            Assert.That(done.Result, Is.EqualTo(new ModelVersionRef("rule", 1)));
            Assert.That(versions.Select(v => v.Version), Is.EqualTo(new[] { 1 }));
        });
    }

    private static async Task<TrainingJob> SubmitAsync(PlatformStores stores, string csv, int budgetSeconds = 20, int? maxTrials = null)
    {
        var dataset = await stores.AddDatasetAsync("data", csv);
        var job = TrainingJob.Create(TenantId.Default,
            new JobSpec(dataset.DatasetId, dataset.Version, "y", TaskKind.Binary, null, TimeSpan.FromSeconds(budgetSeconds), "rule", MaxTrials: maxTrials),
            DateTimeOffset.UtcNow);
        await stores.Jobs.CreateAsync(job, CancellationToken.None);
        return job;
    }

    private static async Task WaitForAsync(PlatformStores stores, JobId id, Func<TrainingJob, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition((await stores.Jobs.FindAnyAsync(id, timeout.Token))!))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
