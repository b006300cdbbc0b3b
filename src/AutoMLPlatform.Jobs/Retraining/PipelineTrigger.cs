using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// Starts pipeline runs: stores a queued run carrying the pipeline's current definition. The store admits one active
/// run per pipeline, so a trigger while a run is under way is refused with <see cref="PipelineRunInProgressException"/>.
/// A run trains a job, which counts against the tenant's job quota: a run asked for by hand while no job slot is free
/// is refused at once (429); the slot itself is taken, atomically, when the run creates its job.
/// </summary>
public sealed class PipelineTrigger(IPipelineStore store, IPipelineRunQueue queue, ITenantUsage usage, ITenantLimits limits, TimeProvider time)
{
    /// <summary><c>POST /api/pipelines/{name}/run</c>: store the run and hand it to the queue.</summary>
    public async Task<PipelineRun> RunNowAsync(TenantId tenant, string pipeline, CancellationToken cancellationToken)
    {
        var slots = limits.MaxActiveJobs(tenant);
        if (await usage.ActiveJobsAsync(tenant, cancellationToken).ConfigureAwait(false) >= slots)
        {
            throw new LimitExceededException(TenancyErrorCodes.JobQuota, $"The tenant already has {slots} jobs queued or running, and a run trains one; wait for one to end.",
                TimeSpan.FromMinutes(1));
        }

        var run = await StartAsync(tenant, pipeline, RunTrigger.Manual, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>A drift check found the champion drifted: store the run with why, and hand it to the queue, as <see cref="RunNowAsync"/> does.</summary>
    public async Task<PipelineRun> RunOnDriftAsync(TenantId tenant, string pipeline, DriftCause cause, CancellationToken cancellationToken)
    {
        var run = await StartAsync(tenant, pipeline, RunTrigger.Drift, cancellationToken, cause).ConfigureAwait(false);
        await queue.EnqueueAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>A quality check found the champion's live metric degraded: store the run with why, and hand it to the queue.</summary>
    public async Task<PipelineRun> RunOnQualityAsync(TenantId tenant, string pipeline, QualityCause cause, CancellationToken cancellationToken)
    {
        var run = await StartAsync(tenant, pipeline, RunTrigger.Quality, cancellationToken, quality: cause).ConfigureAwait(false);
        await queue.EnqueueAsync(run.Id, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Stores a queued run; the caller executes it.</summary>
    public async Task<PipelineRun> StartAsync(TenantId tenant, string pipeline, RunTrigger trigger, CancellationToken cancellationToken, DriftCause? drift = null,
        QualityCause? quality = null)
    {
        var found = await store.FindAsync(tenant, pipeline, cancellationToken).ConfigureAwait(false)
            ?? throw PipelineNotFoundException.Pipeline(pipeline);
        var run = PipelineRun.Create(tenant, found.Definition, trigger, time.GetUtcNow(), drift, quality);
        if (await store.TryCreateRunAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return run;
        }

        var active = await store.FindActiveRunAsync(tenant, pipeline, cancellationToken).ConfigureAwait(false);
        throw new PipelineRunInProgressException(pipeline, active?.Id);
    }
}
