using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Retraining;

public class PipelineScheduleTests
{
    private static readonly PipelineDocument Nightly = new("nightly", "rule", "y", Schedule: new ScheduleDocument("0 3 * * *", "Europe/Berlin"));

    [Test]
    public async Task Creating_a_pipeline_registers_its_recurring_job_with_cron_and_time_zone()
    {
        await using var stores = await StartWithRuleAsync();

        await stores.Services.GetRequiredService<PipelineCatalog>().CreateAsync(TenantId.Default, Nightly, CancellationToken.None);
        var job = RecurringJobs(stores).Single();

        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo($"pipeline:{TenantId.Default}:nightly"));
            Assert.That(job.Cron, Is.EqualTo("0 3 * * *"));
            Assert.That(job.TimeZoneId, Is.EqualTo("Europe/Berlin"));
            Assert.That(job.Job.Type, Is.EqualTo(typeof(PipelineScheduleJob)));
        });
    }

    [Test]
    public async Task Replacing_a_pipeline_moves_its_schedule()
    {
        await using var stores = await StartWithRuleAsync();
        var catalog = stores.Services.GetRequiredService<PipelineCatalog>();
        await catalog.CreateAsync(TenantId.Default, Nightly, CancellationToken.None);

        await catalog.ReplaceAsync(TenantId.Default, "nightly", Nightly with { Schedule = new ScheduleDocument("15 4 * * 1", "UTC") }, CancellationToken.None);
        var job = RecurringJobs(stores).Single();

        Assert.That((job.Cron, job.TimeZoneId), Is.EqualTo(("15 4 * * 1", "UTC")));
    }

    [Test]
    public async Task Deleting_a_pipeline_removes_its_recurring_job()
    {
        await using var stores = await StartWithRuleAsync();
        var catalog = stores.Services.GetRequiredService<PipelineCatalog>();
        await catalog.CreateAsync(TenantId.Default, Nightly, CancellationToken.None);

        await catalog.DeleteAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.That(RecurringJobs(stores), Is.Empty);
    }

    [Test]
    public async Task A_restart_over_the_same_data_registers_every_stored_schedule_again()
    {
        using var data = new TempDirectory();
        await using (var first = await StartWithRuleAsync(data.Path))
        {
            await first.Services.GetRequiredService<PipelineCatalog>().CreateAsync(TenantId.Default, Nightly, CancellationToken.None);
        }

        await using var second = await JobsHost.StartAsync(new RecordingJobQueue(), dataDirectory: data.Path);
        var job = RecurringJobs(second).Single();

        Assert.That((job.Id, job.Cron, job.TimeZoneId), Is.EqualTo(($"pipeline:{TenantId.Default}:nightly", "0 3 * * *", "Europe/Berlin")));
    }

    [Test]
    public async Task Synchronizing_removes_the_recurring_jobs_of_pipelines_that_no_longer_exist()
    {
        await using var stores = await StartWithRuleAsync();
        stores.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<PipelineScheduleJob>($"pipeline:{TenantId.Default}:gone",
            job => job.TriggerAsync(TenantId.Default.Value, "gone", CancellationToken.None), "0 1 * * *");

        await stores.Services.GetRequiredService<IPipelineScheduler>().SynchronizeAsync([], CancellationToken.None);

        Assert.That(RecurringJobs(stores), Is.Empty);
    }

    internal static List<RecurringJobDto> RecurringJobs(PlatformStores stores)
    {
        using var connection = stores.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private static async Task<PlatformStores> StartWithRuleAsync(string? dataDirectory = null)
    {
        var stores = await JobsHost.StartAsync(new RecordingJobQueue(), dataDirectory: dataDirectory);
        await stores.AddDatasetAsync("rule", TestTables.BinaryCsv(50));
        return stores;
    }
}
