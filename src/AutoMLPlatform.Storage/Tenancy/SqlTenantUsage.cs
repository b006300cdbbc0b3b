using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Tenancy;

/// <summary>A tenant's usage, summed from the dataset, model and job rows.</summary>
internal sealed class SqlTenantUsage(StoreDatabase database) : ITenantUsage
{
    public async Task<long> StoredBytesAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COALESCE((SELECT SUM(size_bytes) FROM dataset_versions WHERE tenant_id = @Tenant), 0)
                 + COALESCE((SELECT SUM(artifact_size) FROM model_versions WHERE tenant_id = @Tenant), 0)
            """, new { Tenant = tenant.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> ActiveJobsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM jobs WHERE tenant_id = @Tenant AND status IN ('Queued', 'Running')",
            new { Tenant = tenant.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
