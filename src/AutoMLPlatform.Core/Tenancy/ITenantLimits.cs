namespace AutoMLPlatform.Core.Tenancy;

/// <summary>
/// A tenant's quotas, for the stores that enforce them inside their own write transactions: a check made there and
/// the write it guards are one step, so two requests at once cannot both pass a limit that only one of them fits.
/// </summary>
public interface ITenantLimits
{
    /// <summary>Most bytes the tenant may store: its live dataset versions and model artifacts, each distinct content once.</summary>
    long MaxStoredBytes(TenantId tenant);

    /// <summary>Most jobs the tenant may have queued or running at once (pipeline runs' training jobs included).</summary>
    int MaxActiveJobs(TenantId tenant);
}
