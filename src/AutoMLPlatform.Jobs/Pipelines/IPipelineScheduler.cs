using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>Keeps one recurring trigger per stored pipeline in whatever fires schedules (Hangfire's recurring jobs).</summary>
public interface IPipelineScheduler
{
    /// <summary>Adds the pipeline's recurring trigger, or updates its cron and time zone.</summary>
    Task ScheduleAsync(TenantId tenant, PipelineDefinition definition, CancellationToken cancellationToken);

    Task UnscheduleAsync(TenantId tenant, string pipeline, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the registered triggers exactly those of <paramref name="pipelines"/>: called at every start, because the
    /// embedded Hangfire storage forgets its recurring jobs on restart, while our pipeline rows do not.
    /// </summary>
    Task SynchronizeAsync(IReadOnlyList<Pipeline> pipelines, CancellationToken cancellationToken);
}
