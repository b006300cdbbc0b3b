using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Queueing;
using AutoMLPlatform.Jobs.Retraining;
using Hangfire;
using Hangfire.Storage;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// One Hangfire recurring job per pipeline, id <c>pipeline:{tenant}:{name}</c>, plus <c>pipeline:{tenant}:{name}:drift</c>
/// for a pipeline with a drift trigger, <c>…:quality</c> and <c>…:canary</c> for one with those triggers, whose only arguments are the tenant and the pipeline's name: the pipeline row
/// stays the truth, Hangfire only keeps the clock.
/// </summary>
internal sealed class HangfirePipelineScheduler(IRecurringJobManager recurringJobs, JobStorage storage) : IPipelineScheduler
{
    public const string IdPrefix = "pipeline:";

    public static string RecurringJobId(TenantId tenant, string pipeline) => $"{IdPrefix}{tenant}:{pipeline}";

    /// <summary>The drift check's id; a pipeline name has no colon, so it never clashes with another pipeline's.</summary>
    public static string DriftJobId(TenantId tenant, string pipeline) => $"{RecurringJobId(tenant, pipeline)}:drift";

    /// <summary>The live-quality check's id.</summary>
    public static string QualityJobId(TenantId tenant, string pipeline) => $"{RecurringJobId(tenant, pipeline)}:quality";

    /// <summary>The canary check's id.</summary>
    public static string CanaryJobId(TenantId tenant, string pipeline) => $"{RecurringJobId(tenant, pipeline)}:canary";

    public Task ScheduleAsync(TenantId tenant, PipelineDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var tenantId = tenant.Value;
        var name = definition.Name;
        recurringJobs.AddOrUpdate<PipelineScheduleJob>(RecurringJobId(tenant, name), QueueNames.Pipelines,
            job => job.TriggerAsync(tenantId, name, CancellationToken.None),
            definition.Schedule.Cron,
            new RecurringJobOptions { TimeZone = CronSchedules.FindTimeZone(definition.Schedule.TimeZone) });
        if (definition.Schedule.DriftTrigger is { } drift)
        {
            recurringJobs.AddOrUpdate<PipelineDriftCheckJob>(DriftJobId(tenant, name), QueueNames.Pipelines,
                job => job.CheckAsync(tenantId, name, CancellationToken.None),
                CheckIntervals.CronOf(drift.CheckEvery) ?? throw new ArgumentException($"Pipeline {name} has a drift check interval no cron can express."),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            recurringJobs.RemoveIfExists(DriftJobId(tenant, name));
        }

        if (definition.Schedule.QualityTrigger is { } quality)
        {
            recurringJobs.AddOrUpdate<PipelineQualityCheckJob>(QualityJobId(tenant, name), QueueNames.Pipelines,
                job => job.CheckAsync(tenantId, name, CancellationToken.None),
                CheckIntervals.CronOf(quality.CheckEvery) ?? throw new ArgumentException($"Pipeline {name} has a quality check interval no cron can express."),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            recurringJobs.RemoveIfExists(QualityJobId(tenant, name));
        }

        if (definition.Schedule.CanaryTrigger is { } canary)
        {
            recurringJobs.AddOrUpdate<PipelineCanaryCheckJob>(CanaryJobId(tenant, name), QueueNames.Pipelines,
                job => job.CheckAsync(tenantId, name, CancellationToken.None),
                CheckIntervals.CronOf(canary.CheckEvery) ?? throw new ArgumentException($"Pipeline {name} has a canary check interval no cron can express."),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            recurringJobs.RemoveIfExists(CanaryJobId(tenant, name));
        }

        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(TenantId tenant, string pipeline, CancellationToken cancellationToken)
    {
        recurringJobs.RemoveIfExists(RecurringJobId(tenant, pipeline));
        recurringJobs.RemoveIfExists(DriftJobId(tenant, pipeline));
        recurringJobs.RemoveIfExists(QualityJobId(tenant, pipeline));
        recurringJobs.RemoveIfExists(CanaryJobId(tenant, pipeline));
        return Task.CompletedTask;
    }

    public async Task SynchronizeAsync(IReadOnlyList<Pipeline> pipelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var wanted = pipelines.SelectMany(RecurringJobIds).ToHashSet(StringComparer.Ordinal);

        // A durable Hangfire storage may still hold triggers of pipelines deleted while this process was down.
        using (var connection = storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(IdPrefix, StringComparison.Ordinal) && !wanted.Contains(id)))
            {
                recurringJobs.RemoveIfExists(stale);
            }
        }

        foreach (var pipeline in pipelines)
        {
            await ScheduleAsync(pipeline.TenantId, pipeline.Definition, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> RecurringJobIds(Pipeline pipeline)
    {
        yield return RecurringJobId(pipeline.TenantId, pipeline.Name);
        if (pipeline.Definition.Schedule.DriftTrigger is not null)
        {
            yield return DriftJobId(pipeline.TenantId, pipeline.Name);
        }

        if (pipeline.Definition.Schedule.QualityTrigger is not null)
        {
            yield return QualityJobId(pipeline.TenantId, pipeline.Name);
        }

        if (pipeline.Definition.Schedule.CanaryTrigger is not null)
        {
            yield return CanaryJobId(pipeline.TenantId, pipeline.Name);
        }
    }
}
