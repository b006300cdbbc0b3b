using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Drift;

/// <summary>
/// Drift counters in the <c>model_drift</c> table, one row per (tenant, model, version, column, bin). A flush adds to
/// the rows (<c>count = count + delta</c>), so hosts flushing the same version at once never overwrite each other.
/// </summary>
internal sealed class SqlDriftStore(StoreDatabase database) : IDriftStore
{
    public async Task<bool> AddAsync(TenantId tenant, string modelName, int version, IReadOnlyList<DriftCount> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var key = new { Tenant = tenant.ToString(), Name = modelName, Version = version };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var live = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM model_versions
            WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version AND deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = @Tenant AND deleted_at IS NOT NULL)
            """, key, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (live == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO model_drift (tenant_id, model_name, version, column_index, bin, count) VALUES (@Tenant, @Name, @Version, @Column, @Bin, @Count)
            ON CONFLICT (tenant_id, model_name, version, column_index, bin) DO UPDATE SET count = model_drift.count + excluded.count
            """, deltas.Where(d => d.Count != 0).Select(d => new { key.Tenant, key.Name, key.Version, d.Column, d.Bin, d.Count }).ToArray(), transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<DriftCount>> ReadAsync(TenantId tenant, string modelName, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(int Column, int Bin, long Count)>(new CommandDefinition(
            "SELECT column_index, bin, count FROM model_drift WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version",
            new { Tenant = tenant.ToString(), Name = modelName, Version = version }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new DriftCount(r.Column, r.Bin, r.Count)).ToArray();
    }
}
