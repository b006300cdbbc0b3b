using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>
/// The blobs the metadata still names: live (not deleted) dataset versions and model versions, of every tenant. A
/// deleted tenant's rows are purged, so none of its blobs is named. Keys are the blob's relative path in the file
/// store, <c>{tenant}/{kind}/{sha}</c>, as <see cref="KeyOf"/> builds it.
/// </summary>
internal sealed class BlobReferences(StoreDatabase database)
{
    private const string Query = """
        SELECT DISTINCT tenant_id AS Tenant, 'dataset' AS Kind, sha256 AS Sha FROM dataset_versions WHERE deleted_at IS NULL
        UNION
        SELECT DISTINCT tenant_id AS Tenant, 'model' AS Kind, artifact_sha256 AS Sha FROM model_versions WHERE deleted_at IS NULL
        """;

    public static string KeyOf(string tenant, string kind, string sha256) => $"{tenant}/{kind}/{sha256}";

    public static string KindName(BlobKind kind) => kind.ToString().ToLowerInvariant();

    public async Task<IReadOnlySet<string>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Query, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => KeyOf(r.Tenant, r.Kind, r.Sha)).ToHashSet(StringComparer.Ordinal);
    }

    private sealed class Row
    {
        public string Tenant { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Sha { get; set; } = "";
    }
}
