using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// Cancels a job: a queued job is cancelled at once; a running one is flagged and its worker stops within about a
/// second (it watches the flag with its heartbeat). A finished job cannot be cancelled (409). A pipeline run whose
/// training job is cancelled ends cancelled too, without another try.
/// </summary>
public sealed class JobCanceller(IJobStore jobs, TimeProvider time)
{
    public async Task<TrainingJob> CancelAsync(TenantId tenant, JobId id, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(id);
        if (job.IsFinal)
        {
            throw new InvalidJobTransitionException(id, job.Status, JobStatus.Cancelled);
        }

        await RequestAsync(job, cancellationToken).ConfigureAwait(false);
        return await jobs.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(id);
    }

    /// <summary>Cancels the job if it has not ended; false (doing nothing) when it ended or does not exist.</summary>
    public async Task<bool> TryCancelAsync(TenantId tenant, JobId id, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (job is null || job.IsFinal)
        {
            return false;
        }

        await RequestAsync(job, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RequestAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        // The flag first: if a worker claims the job between our read and our write, it still sees the request.
        await jobs.RequestCancelAsync(job.TenantId, job.Id, cancellationToken).ConfigureAwait(false);
        if (job.Status == JobStatus.Queued)
        {
            await jobs.TryUpdateAsync(job.Cancel(time.GetUtcNow()), JobStatus.Queued, job.Attempt, cancellationToken).ConfigureAwait(false);
        }
    }
}
