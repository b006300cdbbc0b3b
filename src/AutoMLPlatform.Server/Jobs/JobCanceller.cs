using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Server.Jobs;

/// <summary>
/// Cancels a job: a queued job is cancelled at once; a running one is flagged and its worker stops within about a
/// second (it watches the flag with its heartbeat). A finished job cannot be cancelled (409).
/// </summary>
internal sealed class JobCanceller(IJobStore jobs, TimeProvider time)
{
    public async Task<TrainingJob> CancelAsync(TenantId tenant, JobId id, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(id);
        if (job.IsFinal)
        {
            throw new InvalidJobTransitionException(id, job.Status, JobStatus.Cancelled);
        }

        // The flag first: if a worker claims the job between our read and our write, it still sees the request.
        await jobs.RequestCancelAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (job.Status == JobStatus.Queued &&
            await jobs.TryUpdateAsync(job.Cancel(time.GetUtcNow()), JobStatus.Queued, job.Attempt, cancellationToken).ConfigureAwait(false))
        {
            return await jobs.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(id);
        }

        return await jobs.FindAsync(tenant, id, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(id);
    }
}
