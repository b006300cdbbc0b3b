using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Security;

/// <summary>API keys by their SHA-256 hash; the keys themselves are never stored.</summary>
internal sealed class SqlApiKeyStore(StoreDatabase database) : IApiKeyStore
{
    private const string Select = """
        SELECT id AS Id, tenant_id AS TenantId, name AS Name, scopes AS Scopes, sha256 AS Sha256, created_at AS CreatedAt,
               expires_at AS ExpiresAt, revoked_at AS RevokedAt
        FROM api_keys
        """;

    public async Task<bool> TryCreateAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_keys (id, tenant_id, name, scopes, sha256, created_at, expires_at, revoked_at)
            VALUES (@Id, @TenantId, @Name, @Scopes, @Sha256, @CreatedAt, @ExpiresAt, @RevokedAt)
            ON CONFLICT (sha256) DO NOTHING
            """, KeyRow.From(key), cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<ApiKey?> FindByHashAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"{Select} WHERE sha256 = @Sha256", new { Sha256 = sha256 }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"{Select} WHERE tenant_id = @Tenant ORDER BY created_at, id", new { Tenant = tenant.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToKey()).ToArray();
    }

    public async Task<bool> RevokeAsync(TenantId tenant, ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @At) WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = tenant.ToString(), Id = id.ToString(), At = UnixTime.ToMs(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<KeyRevocation> RevokeKeepingAnAdminAsync(TenantId tenant, ApiKeyId id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var arguments = new { Tenant = tenant.ToString(), Id = id.ToString(), At = UnixTime.ToMs(at), Admin = (int)ApiScopes.Admin };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        // Touching the tenant's active admin rows first locks them in PostgreSQL (SQLite's write transaction already
        // excludes every other writer): a concurrent revocation waits here, then its next statement sees this one's.
        await connection.ExecuteAsync(new CommandDefinition($"UPDATE api_keys SET revoked_at = revoked_at WHERE tenant_id = @Tenant AND {ActiveAdmin("api_keys")}",
            arguments, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @At)
            WHERE tenant_id = @Tenant AND id = @Id
              AND (NOT ({ActiveAdmin("api_keys")})
                   OR EXISTS (SELECT 1 FROM api_keys other WHERE other.tenant_id = @Tenant AND other.id <> @Id AND {ActiveAdmin("other")}))
            """, arguments, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var exists = changed == 1 || await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM api_keys WHERE tenant_id = @Tenant AND id = @Id", arguments, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1 ? KeyRevocation.Revoked : exists ? KeyRevocation.LastAdmin : KeyRevocation.NotFound;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM api_keys", cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    private static string ActiveAdmin(string table) =>
        $"({table}.scopes & @Admin) <> 0 AND {table}.revoked_at IS NULL AND ({table}.expires_at IS NULL OR {table}.expires_at > @At)";

    private sealed class KeyRow
    {
        public string Id { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string Name { get; set; } = "";
        public int Scopes { get; set; }
        public string Sha256 { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public long? RevokedAt { get; set; }

        public static KeyRow From(ApiKey key) => new()
        {
            Id = key.Id.ToString(), TenantId = key.TenantId.ToString(), Name = key.Name, Scopes = (int)key.Scopes, Sha256 = key.Sha256,
            CreatedAt = UnixTime.ToMs(key.CreatedAt), ExpiresAt = UnixTime.ToMs(key.ExpiresAt), RevokedAt = UnixTime.ToMs(key.RevokedAt),
        };

        public ApiKey ToKey() => new(new ApiKeyId(Guid.Parse(Id)), Core.Tenancy.TenantId.Parse(TenantId), Name, (ApiScopes)Scopes, Sha256,
            UnixTime.FromMs(CreatedAt), UnixTime.FromMs(ExpiresAt), UnixTime.FromMs(RevokedAt));
    }
}
