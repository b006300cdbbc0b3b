using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Tenancy;

/// <summary>Tenants and their wrapped data keys (base64 text, portable across both databases).</summary>
internal sealed class SqlTenantStore(StoreDatabase database, TimeProvider time) : ITenantStore
{
    public async Task<bool> TryCreateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tenants (id, name, created_at) VALUES (@Id, @Name, @CreatedAt) ON CONFLICT (id) DO NOTHING",
            new { Id = tenant.Id.ToString(), tenant.Name, CreatedAt = UnixTime.ToMs(tenant.CreatedAt) }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<Tenant?> FindAsync(TenantId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, created_at AS CreatedAt FROM tenants WHERE id = @Id AND deleted_at IS NULL",
            new { Id = id.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToTenant();
    }

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TenantRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, created_at AS CreatedAt FROM tenants WHERE deleted_at IS NULL ORDER BY created_at, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToTenant()).ToArray();
    }

    public async Task<WrappedDataKey?> FindDataKeyAsync(TenantId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            "SELECT id AS Id, data_key_master_id AS MasterKeyId, data_key AS DataKey FROM tenants WHERE id = @Id AND deleted_at IS NULL AND data_key IS NOT NULL",
            new { Id = id.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToKey();
    }

    public async Task<bool> TryAddDataKeyAsync(TenantId id, WrappedDataKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Only where none exists yet: the first of two racing processes wins, the other reads the winner's key.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET data_key_master_id = @MasterKeyId, data_key = @DataKey WHERE id = @Id AND deleted_at IS NULL AND data_key IS NULL",
            new { Id = id.ToString(), key.MasterKeyId, DataKey = Convert.ToBase64String(key.Ciphertext) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<IReadOnlyList<(TenantId Tenant, WrappedDataKey Key)>> ListDataKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            "SELECT id AS Id, data_key_master_id AS MasterKeyId, data_key AS DataKey FROM tenants WHERE deleted_at IS NULL AND data_key IS NOT NULL ORDER BY id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (TenantId.Parse(r.Id), r.ToKey())).ToArray();
    }

    public async Task ReplaceDataKeyAsync(TenantId id, WrappedDataKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET data_key_master_id = @MasterKeyId, data_key = @DataKey WHERE id = @Id AND deleted_at IS NULL",
            new { Id = id.ToString(), key.MasterKeyId, DataKey = Convert.ToBase64String(key.Ciphertext) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(TenantId id, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        // The wrapped key is overwritten, not just flagged: without it the tenant's blobs are noise.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET deleted_at = @Now, data_key = NULL, data_key_master_id = NULL WHERE id = @Id AND deleted_at IS NULL",
            new { Id = id.ToString(), Now = now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 1)
        {
            // In the same transaction: the tenant is never seen deleted with its data still listed, or the other way round.
            await TenantPurge.RunAsync(connection, transaction, TenantPurge.OneTenant, id.ToString(), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<int> PurgeDeletedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var deleted = await TenantPurge.RunAsync(connection, transaction, TenantPurge.DeletedTenants, null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task<IReadOnlyList<TenantId>> ListDeletedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition("SELECT id FROM tenants WHERE deleted_at IS NOT NULL ORDER BY id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.Select(TenantId.Parse).ToArray();
    }

    private sealed class TenantRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public long CreatedAt { get; set; }

        public Tenant ToTenant() => new(TenantId.Parse(Id), Name, UnixTime.FromMs(CreatedAt));
    }

    private sealed class KeyRow
    {
        public string Id { get; set; } = "";
        public string MasterKeyId { get; set; } = "";
        public string DataKey { get; set; } = "";

        public WrappedDataKey ToKey() => new(MasterKeyId, Convert.FromBase64String(DataKey));
    }
}
