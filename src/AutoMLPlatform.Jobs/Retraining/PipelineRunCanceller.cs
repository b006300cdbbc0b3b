using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Training;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// Cancels pipeline runs. A run training a challenger is stopped through its training job (the job cancel of
/// <c>/api/jobs/{id}/cancel</c>): its worker ends the run cancelled once the job has stopped, without another try. A
/// run with no job training (queued, waiting to retry, judging) is ended here by compare-and-set; a worker that holds
/// it finds its lease lost at its next write and stops, cancelling any job it had just started.
/// </summary>
public sealed class PipelineRunCanceller(IPipelineStore store, JobCanceller jobs, TimeProvider time)
{
    /// <summary>Writes by compare-and-set race the run's worker; a few rounds settle it (each loser re-reads the run).</summary>
    private const int Rounds = 5;

    /// <summary>
    /// Records the cancellation of a queued or running run and answers the run as it then is (a running run ends
    /// once its training job has stopped). 404 for an unknown run, 409 <c>pipeline-run-finished</c> for one that ended.
    /// </summary>
    public async Task<PipelineRun> CancelAsync(TenantId tenant, string pipeline, string id, CancellationToken cancellationToken)
    {
        var run = PipelineRunId.TryParse(id, out var runId)
            ? await store.FindRunAsync(tenant, runId, cancellationToken).ConfigureAwait(false)
            : null;
        if (run is null || !string.Equals(run.PipelineName, pipeline, StringComparison.Ordinal))
        {
            throw PipelineNotFoundException.Run(id);
        }

        return await EndAsync(run, $"Cancelled by request (POST /api/pipelines/{pipeline}/runs/{run.Id}/cancel).", waitForWorker: true,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the pipeline's active run now, whoever holds it, and cancels its training job: so that the pipeline can be
    /// deleted at once. False when it has no active run.
    /// </summary>
    public async Task<bool> EndActiveAsync(TenantId tenant, string pipeline, CancellationToken cancellationToken)
    {
        var run = await store.FindActiveRunAsync(tenant, pipeline, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return false;
        }

        try
        {
            await EndAsync(run, $"Cancelled because pipeline '{pipeline}' was deleted.", waitForWorker: false, cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineRunFinishedException)
        {
            // It ended on its own meanwhile: nothing left to stop.
        }

        return true;
    }

    private async Task<PipelineRun> EndAsync(PipelineRun run, string reason, bool waitForWorker, CancellationToken cancellationToken)
    {
        for (var round = 0; round < Rounds; round++)
        {
            if (!run.IsActive)
            {
                throw new PipelineRunFinishedException(run.Id, run.Status);
            }

            // Training: cancelling the job is the cancel; the run's worker sees the job end cancelled and ends the run so.
            if (run is { Status: PipelineRunStatus.Running, JobId: { } training } &&
                await jobs.TryCancelAsync(run.TenantId, training, cancellationToken).ConfigureAwait(false) && waitForWorker)
            {
                return run;
            }

            var cancelled = run.Cancel(time.GetUtcNow(), reason);
            if (await store.TryUpdateRunAsync(cancelled, run.Status, run.Attempt, cancellationToken).ConfigureAwait(false))
            {
                // A queued run resumed after a restart may hold a job that no worker will now finish.
                if (run.JobId is { } held)
                {
                    await jobs.TryCancelAsync(run.TenantId, held, cancellationToken).ConfigureAwait(false);
                }

                return cancelled;
            }

            run = await store.FindRunAnyAsync(run.Id, cancellationToken).ConfigureAwait(false) ?? throw PipelineNotFoundException.Run(run.Id.ToString());
        }

        throw new PipelineRunInProgressException(run.PipelineName, run.Id);
    }
}
