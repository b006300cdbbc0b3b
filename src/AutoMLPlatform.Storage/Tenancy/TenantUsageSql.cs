using System.Data.Common;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Tenancy;

/// <summary>
/// What a tenant uses, as the quotas count it, and the checks the stores make inside their write transactions. Storage
/// counts what is stored: blobs are kept once per content, so each distinct live dataset file and model artifact counts
/// once, and deleted ones (tombstones) count not at all.
/// </summary>
internal static class TenantUsageSql
{
    /// <summary>How long a refused caller is told to wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public const string StoredBytes = """
        SELECT COALESCE((SELECT SUM(size_bytes) FROM (SELECT DISTINCT sha256, size_bytes FROM dataset_versions
                                                      WHERE tenant_id = @Tenant AND deleted_at IS NULL) d), 0)
             + COALESCE((SELECT SUM(artifact_size) FROM (SELECT DISTINCT artifact_sha256, artifact_size FROM model_versions
                                                         WHERE tenant_id = @Tenant AND deleted_at IS NULL) m), 0)
        """;

    public const string ActiveJobs = "SELECT COUNT(*) FROM jobs WHERE tenant_id = @Tenant AND status IN ('Queued', 'Running')";

    /// <summary>Refuses a dataset file that would take the tenant past its storage quota; the same bytes stored already cost nothing.</summary>
    public static async Task EnsureRoomAsync(StoreDatabase database, DbConnection connection, DbTransaction transaction, TenantId tenant,
        string sha256, long sizeBytes, long limit, CancellationToken cancellationToken)
    {
        await database.LockTenantAsync(connection, transaction, tenant, cancellationToken).ConfigureAwait(false);
        var key = new { Tenant = tenant.ToString(), Sha = sha256 };
        var used = await connection.ExecuteScalarAsync<long>(new CommandDefinition(StoredBytes, key, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dataset_versions WHERE tenant_id = @Tenant AND sha256 = @Sha AND deleted_at IS NULL", key, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var after = used + (known > 0 ? 0 : sizeBytes);
        if (after > limit)
        {
            throw new LimitExceededException(TenancyErrorCodes.StorageQuota,
                $"This would store {after} bytes; the tenant's quota is {limit}. Delete datasets or models first.", RetryAfter);
        }
    }

    /// <summary>Refuses a job past the tenant's active-job quota.</summary>
    public static async Task EnsureJobSlotAsync(StoreDatabase database, DbConnection connection, DbTransaction transaction, TenantId tenant, int limit,
        CancellationToken cancellationToken)
    {
        await database.LockTenantAsync(connection, transaction, tenant, cancellationToken).ConfigureAwait(false);
        var active = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ActiveJobs, new { Tenant = tenant.ToString() }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (active >= limit)
        {
            throw new LimitExceededException(TenancyErrorCodes.JobQuota, $"The tenant already has {limit} jobs queued or running; wait for one to end.", RetryAfter);
        }
    }
}
