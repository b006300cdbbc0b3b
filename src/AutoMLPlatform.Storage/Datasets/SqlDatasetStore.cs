using System.Data.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using AutoMLPlatform.Storage.Tenancy;
using Dapper;

namespace AutoMLPlatform.Storage.Datasets;

/// <summary>
/// Datasets and their versions in SQL, for SQLite and PostgreSQL alike. A new version
/// is refused (<c>storage-quota</c>) inside its own write transaction when it would take its tenant past the storage
/// quota, so two uploads at once cannot both pass a quota only one of them fits.
/// </summary>
internal sealed class SqlDatasetStore(StoreDatabase database, TimeProvider time, ITenantLimits limits) : IDatasetStore
{
    private const string SelectDataset = """
        SELECT d.id AS Id, d.tenant_id AS TenantId, d.name AS Name, d.created_at AS CreatedAt,
               v.version AS Version, v.sha256 AS Sha256, v.size_bytes AS SizeBytes, v.row_count AS RowCount,
               v.format AS Format, v.schema_json AS SchemaJson, v.created_at AS VersionCreatedAt
        FROM datasets d JOIN dataset_versions v ON v.dataset_id = d.id AND v.version = d.latest_version
        """;

    private const string SelectVersion = """
        SELECT dataset_id AS DatasetId, tenant_id AS TenantId, version AS Version, sha256 AS Sha256, size_bytes AS SizeBytes,
               row_count AS RowCount, format AS Format, schema_json AS SchemaJson, created_at AS CreatedAt
        FROM dataset_versions
        """;

    public async Task<DatasetVersion> AddVersionAsync(TenantId tenant, string name, NewDatasetVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var now = UnixTime.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await EnsureRoomAsync(connection, transaction, tenant, version, cancellationToken).ConfigureAwait(false);

        // The datasets row is the version counter: one upsert creates it or bumps it, atomically in both databases,
        // so concurrent uploads to one name get distinct numbers without gaps.
        var counter = await connection.QuerySingleAsync<CounterRow>(Command("""
            INSERT INTO datasets (id, tenant_id, name, latest_version, created_at) VALUES (@Id, @Tenant, @Name, 1, @Now)
            ON CONFLICT (tenant_id, name) DO UPDATE SET latest_version = datasets.latest_version + 1
            RETURNING id AS Id, latest_version AS Number
            """, new { Id = DatasetId.New().ToString(), Tenant = tenant.ToString(), Name = name, Now = now }, transaction, cancellationToken)).ConfigureAwait(false);
        var (id, number) = (counter.Id, counter.Number);
        await InsertVersionAsync(connection, transaction, id, number, tenant, version, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return new DatasetVersion(DatasetId.Parse(id), tenant, number, version.Sha256, version.SizeBytes, version.RowCount,
            version.Format, version.Schema, UnixTime.FromMs(now));
    }

    public async Task<DatasetVersion?> TryAddVersionAfterAsync(TenantId tenant, DatasetId id, int basedOn, NewDatasetVersion version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var now = UnixTime.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await EnsureRoomAsync(connection, transaction, tenant, version, cancellationToken).ConfigureAwait(false);

        // Compare-and-set on the counter: content built from version N becomes N + 1 or nothing.
        var number = await connection.ExecuteScalarAsync<int?>(Command(
            "UPDATE datasets SET latest_version = latest_version + 1 WHERE tenant_id = @Tenant AND id = @Id AND latest_version = @BasedOn RETURNING latest_version",
            new { Tenant = tenant.ToString(), Id = id.ToString(), BasedOn = basedOn }, transaction, cancellationToken)).ConfigureAwait(false);
        if (number is null)
        {
            return null;
        }

        await InsertVersionAsync(connection, transaction, id.ToString(), number.Value, tenant, version, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DatasetVersion(id, tenant, number.Value, version.Sha256, version.SizeBytes, version.RowCount, version.Format, version.Schema, UnixTime.FromMs(now));
    }

    public Task<Dataset?> FindAsync(TenantId tenant, DatasetId id, CancellationToken cancellationToken) =>
        QuerySingleDatasetAsync($"{SelectDataset} WHERE d.tenant_id = @Tenant AND d.id = @Id AND d.deleted_at IS NULL",
            new { Tenant = tenant.ToString(), Id = id.ToString() }, cancellationToken);

    public Task<Dataset?> FindByNameAsync(TenantId tenant, string name, CancellationToken cancellationToken) =>
        QuerySingleDatasetAsync($"{SelectDataset} WHERE d.tenant_id = @Tenant AND d.name = @Name AND d.deleted_at IS NULL",
            new { Tenant = tenant.ToString(), Name = name }, cancellationToken);

    public async Task<DatasetVersion?> FindVersionAsync(TenantId tenant, DatasetId id, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(Command(
            $"{SelectVersion} WHERE tenant_id = @Tenant AND dataset_id = @Id AND version = @Version AND deleted_at IS NULL",
            new { Tenant = tenant.ToString(), Id = id.ToString(), Version = version }, null, cancellationToken)).ConfigureAwait(false);
        return row?.ToVersion();
    }

    public async Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(TenantId tenant, DatasetId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<VersionRow>(Command(
            $"{SelectVersion} WHERE tenant_id = @Tenant AND dataset_id = @Id AND deleted_at IS NULL ORDER BY version DESC",
            new { Tenant = tenant.ToString(), Id = id.ToString() }, null, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToVersion()).ToArray();
    }

    public async Task<IReadOnlyList<Dataset>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DatasetRow>(Command(
            $"{SelectDataset} WHERE d.tenant_id = @Tenant AND d.deleted_at IS NULL ORDER BY d.created_at DESC, d.name LIMIT @Limit OFFSET @Offset",
            new { Tenant = tenant.ToString(), Limit = limit, Offset = offset }, null, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToDataset()).ToArray();
    }

    public async Task<IReadOnlyList<string>?> DeleteAsync(TenantId tenant, DatasetId id, CancellationToken cancellationToken)
    {
        var key = new { Tenant = tenant.ToString(), Id = id.ToString(), Now = UnixTime.ToMs(time.GetUtcNow()) };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        // The name gets the id appended so that it is free for a new dataset; the row itself stays for lineage.
        var deleted = await connection.ExecuteAsync(Command(
            "UPDATE datasets SET deleted_at = @Now, name = name || '#deleted-' || id WHERE tenant_id = @Tenant AND id = @Id AND deleted_at IS NULL",
            key, transaction, cancellationToken)).ConfigureAwait(false);
        if (deleted == 0)
        {
            return null;
        }

        await connection.ExecuteAsync(Command("UPDATE dataset_versions SET deleted_at = @Now WHERE tenant_id = @Tenant AND dataset_id = @Id",
            key, transaction, cancellationToken)).ConfigureAwait(false);
        var orphans = await connection.QueryAsync<string>(Command("""
            SELECT DISTINCT v.sha256 FROM dataset_versions v
            WHERE v.tenant_id = @Tenant AND v.dataset_id = @Id
              AND NOT EXISTS (SELECT 1 FROM dataset_versions o WHERE o.tenant_id = @Tenant AND o.sha256 = v.sha256 AND o.deleted_at IS NULL)
            """, key, transaction, cancellationToken)).ConfigureAwait(false);
        var result = orphans.ToArray();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<Dataset?> QuerySingleDatasetAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<DatasetRow>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
        return row?.ToDataset();
    }

    private Task EnsureRoomAsync(DbConnection connection, DbTransaction transaction, TenantId tenant, NewDatasetVersion version, CancellationToken cancellationToken) =>
        TenantUsageSql.EnsureRoomAsync(database, connection, transaction, tenant, version.Sha256, version.SizeBytes, limits.MaxStoredBytes(tenant), cancellationToken);

    private static Task InsertVersionAsync(DbConnection connection, DbTransaction transaction, string id, int number, TenantId tenant,
        NewDatasetVersion version, long now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command("""
            INSERT INTO dataset_versions (dataset_id, version, tenant_id, sha256, size_bytes, row_count, format, schema_json, created_at)
            VALUES (@Id, @Number, @Tenant, @Sha256, @SizeBytes, @RowCount, @Format, @Schema, @Now)
            """,
            new
            {
                Id = id, Number = number, Tenant = tenant.ToString(), version.Sha256, version.SizeBytes, version.RowCount,
                Format = version.Format.ToString(), Schema = StoreJson.Write(version.Schema), Now = now,
            }, transaction, cancellationToken));

    private static CommandDefinition Command(string sql, object parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class CounterRow
    {
        public string Id { get; set; } = "";
        public int Number { get; set; }
    }

    private sealed class DatasetRow
    {
        public string Id { get; set; } = "";
        public string TenantId { get; set; } = "";
        public string Name { get; set; } = "";
        public long CreatedAt { get; set; }
        public int Version { get; set; }
        public string Sha256 { get; set; } = "";
        public long SizeBytes { get; set; }
        public long RowCount { get; set; }
        public string Format { get; set; } = "";
        public string SchemaJson { get; set; } = "";
        public long VersionCreatedAt { get; set; }

        public Dataset ToDataset()
        {
            var latest = new VersionRow
            {
                DatasetId = Id, TenantId = TenantId, Version = Version, Sha256 = Sha256, SizeBytes = SizeBytes, RowCount = RowCount,
                Format = Format, SchemaJson = SchemaJson, CreatedAt = VersionCreatedAt,
            }.ToVersion();
            return new Dataset(DatasetId.Parse(Id), Core.Tenancy.TenantId.Parse(TenantId), Name, UnixTime.FromMs(CreatedAt), latest);
        }
    }

    private sealed class VersionRow
    {
        public string DatasetId { get; set; } = "";
        public string TenantId { get; set; } = "";
        public int Version { get; set; }
        public string Sha256 { get; set; } = "";
        public long SizeBytes { get; set; }
        public long RowCount { get; set; }
        public string Format { get; set; } = "";
        public string SchemaJson { get; set; } = "";
        public long CreatedAt { get; set; }

        public DatasetVersion ToVersion() => new(
            Core.Datasets.DatasetId.Parse(DatasetId), Core.Tenancy.TenantId.Parse(TenantId), Version, Sha256, SizeBytes, RowCount,
            Enum.Parse<DatasetFormat>(Format), StoreJson.Read<DatasetSchema>(SchemaJson), UnixTime.FromMs(CreatedAt));
    }
}
