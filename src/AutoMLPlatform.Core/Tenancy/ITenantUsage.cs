namespace AutoMLPlatform.Core.Tenancy;

/// <summary>What a tenant uses now, for its quotas.</summary>
public interface ITenantUsage
{
    /// <summary>Bytes of every dataset version and model artifact the tenant stores.</summary>
    Task<long> StoredBytesAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>Jobs of the tenant that are queued or running.</summary>
    Task<int> ActiveJobsAsync(TenantId tenant, CancellationToken cancellationToken);
}
