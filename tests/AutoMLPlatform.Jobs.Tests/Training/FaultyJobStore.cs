using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Training;

/// <summary>
/// The real job store, except that the next write of a job as succeeded fails with a database error, as when the
/// database restarts between a model's registration and the job's "succeeded" write.
/// </summary>
internal sealed class FaultyJobStore(IJobStore inner) : IJobStore
{
    private int _failSucceeded;

    /// <summary>Puts the real store (as the storage layer registered it) behind a <see cref="FaultyJobStore"/>.</summary>
    public static void Install(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IJobStore));
        services.AddSingleton(sp => new FaultyJobStore((IJobStore)(real.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
        services.AddSingleton<IJobStore>(sp => sp.GetRequiredService<FaultyJobStore>());
    }

    public void FailNextSucceededWrite() => Interlocked.Exchange(ref _failSucceeded, 1);

    public Task<bool> TryUpdateAsync(TrainingJob updated, JobStatus expectedStatus, int expectedAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return updated.Status == JobStatus.Succeeded && Interlocked.Exchange(ref _failSucceeded, 0) == 1
            ? throw new SqliteException("database is locked (injected)", 5)
            : inner.TryUpdateAsync(updated, expectedStatus, expectedAttempt, cancellationToken);
    }

    public Task CreateAsync(TrainingJob job, CancellationToken cancellationToken) => inner.CreateAsync(job, cancellationToken);

    public Task<TrainingJob?> FindAsync(TenantId tenant, JobId id, CancellationToken cancellationToken) => inner.FindAsync(tenant, id, cancellationToken);

    public Task<TrainingJob?> FindAnyAsync(JobId id, CancellationToken cancellationToken) => inner.FindAnyAsync(id, cancellationToken);

    public Task<IReadOnlyList<TrainingJob>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(tenant, offset, limit, cancellationToken);

    public Task<IReadOnlyList<TrainingJob>> ListByStatusAsync(JobStatus status, CancellationToken cancellationToken) =>
        inner.ListByStatusAsync(status, cancellationToken);

    public Task<bool> RequestCancelAsync(TenantId tenant, JobId id, CancellationToken cancellationToken) => inner.RequestCancelAsync(tenant, id, cancellationToken);

    public Task AddTrialAsync(JobId id, int attempt, TrialRecord trial, CancellationToken cancellationToken) => inner.AddTrialAsync(id, attempt, trial, cancellationToken);

    public Task<JobCounts> CountAsync(DateTimeOffset failedSince, CancellationToken cancellationToken) => inner.CountAsync(failedSince, cancellationToken);

    public Task<IReadOnlyList<TrialRecord>> ListTrialsAsync(JobId id, int attempt, CancellationToken cancellationToken) =>
        inner.ListTrialsAsync(id, attempt, cancellationToken);
}
