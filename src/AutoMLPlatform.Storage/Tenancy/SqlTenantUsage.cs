using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Tenancy;

/// <summary>A tenant's usage, summed from the dataset, model and job rows as <see cref="TenantUsageSql"/> counts it.</summary>
internal sealed class SqlTenantUsage(StoreDatabase database) : ITenantUsage
{
    public async Task<long> StoredBytesAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(TenantUsageSql.StoredBytes, new { Tenant = tenant.ToString() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> ActiveJobsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(TenantUsageSql.ActiveJobs, new { Tenant = tenant.ToString() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
