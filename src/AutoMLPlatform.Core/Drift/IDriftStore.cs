using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Drift;

/// <summary>
/// The drift counters of model versions, added up across hosts and restarts: each scoring host adds the counts it
/// gathered since its last flush, so the stored totals are the sum over every host. Deleting a version or a tenant
/// deletes its counters.
/// </summary>
public interface IDriftStore
{
    /// <summary>
    /// Adds <paramref name="deltas"/> to the version's counters in one transaction; false (adding nothing) when the
    /// version or its tenant is deleted, so a late flush never brings deleted counters back.
    /// </summary>
    Task<bool> AddAsync(TenantId tenant, string modelName, int version, IReadOnlyList<DriftCount> deltas, CancellationToken cancellationToken);

    /// <summary>The version's counters; empty when nothing was stored.</summary>
    Task<IReadOnlyList<DriftCount>> ReadAsync(TenantId tenant, string modelName, int version, CancellationToken cancellationToken);
}
