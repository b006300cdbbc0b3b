using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>Training job rows and their trials. Updates are compare-and-set so that two processes never both win.</summary>
public interface IJobStore
{
    /// <summary>Stores a new job; throws <see cref="Common.LimitExceededException"/> (<c>job-quota</c>) when its tenant has no job slot free.</summary>
    Task CreateAsync(TrainingJob job, CancellationToken cancellationToken);

    /// <summary>The job if it belongs to <paramref name="tenant"/>.</summary>
    Task<TrainingJob?> FindAsync(TenantId tenant, JobId id, CancellationToken cancellationToken);

    /// <summary>The job whatever its tenant: for workers, which receive only a job id.</summary>
    Task<TrainingJob?> FindAnyAsync(JobId id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<TrainingJob>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Jobs in a status, across tenants, oldest first: for recovery after a restart.</summary>
    Task<IReadOnlyList<TrainingJob>> ListByStatusAsync(JobStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Counts of queued and running jobs, and of jobs that failed at or after <paramref name="failedSince"/>, across
    /// tenants: aggregates only, for the operator's gauges.
    /// </summary>
    Task<JobCounts> CountAsync(DateTimeOffset failedSince, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="updated"/> if the stored row still has <paramref name="expectedStatus"/> and
    /// <paramref name="expectedAttempt"/>; returns false (writing nothing) when another writer got there first.
    /// The cancel-requested flag is never written here: only <see cref="RequestCancelAsync"/> sets it.
    /// </summary>
    Task<bool> TryUpdateAsync(TrainingJob updated, JobStatus expectedStatus, int expectedAttempt, CancellationToken cancellationToken);

    /// <summary>Marks the job for cancellation; its worker notices and stops. False if the job is not found.</summary>
    Task<bool> RequestCancelAsync(TenantId tenant, JobId id, CancellationToken cancellationToken);

    Task AddTrialAsync(JobId id, int attempt, TrialRecord trial, CancellationToken cancellationToken);

    /// <summary>The trials of one attempt, in the order they ran.</summary>
    Task<IReadOnlyList<TrialRecord>> ListTrialsAsync(JobId id, int attempt, CancellationToken cancellationToken);
}
