using System.Data.Common;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;
using Dapper;

namespace AutoMLPlatform.Storage.Registry;

/// <summary>
/// The traffic split columns of <c>model_aliases</c> (canary version and percent, shadow version): read with the
/// alias, checked against live versions, cleared whenever the alias moves by any other way than a split change.
/// </summary>
internal static class AliasSplitSql
{
    public const string ClearColumns = "canary_version = NULL, canary_percent = NULL, shadow_version = NULL";

    public static async Task<AliasTarget?> FindAsync(DbConnection connection, DbTransaction? transaction, string tenant, string name, string alias,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SplitRow>(new CommandDefinition("""
            SELECT alias AS Alias, version AS Version, canary_version AS CanaryVersion, canary_percent AS CanaryPercent, shadow_version AS ShadowVersion,
                   updated_at AS UpdatedAt
            FROM model_aliases WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias
            """, new { Tenant = tenant, Name = name, Alias = alias }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToTarget(name);
    }

    /// <summary>Every alias of the tenant's models that carries a split, by model name.</summary>
    public static async Task<ILookup<string, (string Alias, AliasSplit Split)>> ListAsync(DbConnection connection, string tenant, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SplitRow>(new CommandDefinition("""
            SELECT model_name AS ModelName, alias AS Alias, version AS Version, canary_version AS CanaryVersion, canary_percent AS CanaryPercent,
                   shadow_version AS ShadowVersion, updated_at AS UpdatedAt
            FROM model_aliases WHERE tenant_id = @Tenant AND (canary_version IS NOT NULL OR shadow_version IS NOT NULL)
            """, new { Tenant = tenant }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToLookup(r => r.ModelName, r => (r.Alias, r.Split));
    }

    /// <summary>Throws not-found naming the field when a version the split names does not exist or was deleted.</summary>
    public static async Task CheckVersionsAsync(DbConnection connection, DbTransaction transaction, string tenant, string name, AliasSplit split,
        CancellationToken cancellationToken)
    {
        foreach (var (version, field) in new[] { (split.CanaryVersion, "canary"), (split.ShadowVersion, "shadow") })
        {
            if (version is { } number && !await IsLiveAsync(connection, transaction, tenant, name, number, cancellationToken).ConfigureAwait(false))
            {
                throw new NotFoundException($"{field}-version-not-found", $"Model '{name}' has no live version {number} to use as the {field}.");
            }
        }
    }

    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, string tenant, string name, string alias, AliasSplit split, long now,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE model_aliases SET canary_version = @Canary, canary_percent = @Percent, shadow_version = @Shadow, updated_at = @Now
            WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias
            """, new
        {
            Tenant = tenant, Name = name, Alias = alias, Canary = split.CanaryVersion, Percent = split.CanaryVersion is null ? (double?)null : split.CanaryPercent,
            Shadow = split.ShadowVersion, Now = now,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>The aliases whose split names <paramref name="version"/>, for the refusal to delete it.</summary>
    public static async Task<IReadOnlyList<string>> NamingAsync(DbConnection connection, DbTransaction transaction, string tenant, string name, int version,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT alias FROM model_aliases WHERE tenant_id = @Tenant AND model_name = @Name AND (canary_version = @Version OR shadow_version = @Version)",
            new { Tenant = tenant, Name = name, Version = version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();

    public static async Task<bool> IsLiveAsync(DbConnection connection, DbTransaction transaction, string tenant, string name, int version,
        CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM model_versions WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version AND deleted_at IS NULL",
            new { Tenant = tenant, Name = name, Version = version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    private sealed class SplitRow
    {
        public string ModelName { get; set; } = "";
        public string Alias { get; set; } = "";
        public int Version { get; set; }
        public int? CanaryVersion { get; set; }
        public double? CanaryPercent { get; set; }
        public int? ShadowVersion { get; set; }
        public long UpdatedAt { get; set; }

        public AliasSplit Split => CanaryVersion is null && ShadowVersion is null
            ? AliasSplit.None
            : new AliasSplit(CanaryVersion, CanaryVersion is null ? 0 : CanaryPercent ?? 0, ShadowVersion);

        public AliasTarget ToTarget(string name) => new(name, Alias, Version, Split, Database.UnixTime.FromMs(UpdatedAt));
    }
}
