using System.Data.Common;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Registry;

/// <summary>
/// The model registry in SQL. The <c>models</c> row is the version counter; alias moves are recorded in
/// <c>alias_history</c> (for rollback) and bump <c>registry_revision</c> (for scoring services polling for changes).
/// </summary>
internal sealed class SqlModelRegistry(StoreDatabase database, TimeProvider time) : IModelRegistry
{
    private const string SelectVersion = """
        SELECT tenant_id AS TenantId, model_name AS ModelName, version AS Version, task AS Task, label AS Label, metric AS Metric,
               metrics_json AS MetricsJson, inputs_json AS InputsJson, classes_json AS ClassesJson, lineage_json AS LineageJson,
               artifact_sha256 AS ArtifactSha256, artifact_size AS ArtifactSize, created_at AS CreatedAt, deleted_at AS DeletedAt
        FROM model_versions
        """;

    public async Task<ModelVersion> RegisterAsync(NewModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            return await TryRegisterAsync(version, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (database.IsUniqueViolation(ex) && version.Lineage.JobId is { } job)
        {
            // Two workers of one job registered at once (one of them had lost its lease): ux_model_versions_job let one
            // through; the other's transaction rolled back, number and all, and it takes the winner's version.
            return await FindByJobAsync(version.TenantId, job, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Job {job} clashed on registration but registered no version.", ex);
        }
    }

    public async Task<ModelVersion?> FindByJobAsync(TenantId tenant, JobId job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindByJobAsync(connection, null, tenant.ToString(), job.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ModelVersion> TryRegisterAsync(NewModelVersion version, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMs(time.GetUtcNow());
        var key = new { Tenant = version.TenantId.ToString(), Name = version.ModelName };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (version.Lineage.JobId is { } job
            && await FindByJobAsync(connection, transaction, key.Tenant, job.ToString(), cancellationToken).ConfigureAwait(false) is { } registered)
        {
            return registered;
        }

        // A worker that raced its tenant's deletion must not bring the tenant's metadata back.
        if (await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM tenants WHERE id = @Tenant AND deleted_at IS NOT NULL",
                key, transaction, cancellationToken)).ConfigureAwait(false) > 0)
        {
            throw new Core.Common.NotFoundException(TenancyErrorCodes.TenantNotFound, $"Tenant {key.Tenant} was deleted; nothing is registered for it.");
        }

        // One upsert creates the model or bumps its counter, atomically in both databases: concurrent registrations
        // of one model queue on the row's lock and get distinct numbers, even for the very first version.
        var number = await connection.ExecuteScalarAsync<int>(Command("""
            INSERT INTO models (tenant_id, name, latest_version, created_at) VALUES (@Tenant, @Name, 1, @Now)
            ON CONFLICT (tenant_id, name) DO UPDATE SET latest_version = models.latest_version + 1
            RETURNING latest_version
            """, new { key.Tenant, key.Name, Now = now }, transaction, cancellationToken)).ConfigureAwait(false);

        var row = VersionRow.From(version, number, now);
        await connection.ExecuteAsync(Command("""
            INSERT INTO model_versions (tenant_id, model_name, version, task, label, metric, metrics_json, inputs_json, classes_json,
                                        lineage_json, artifact_sha256, artifact_size, created_at, job_id)
            VALUES (@TenantId, @ModelName, @Version, @Task, @Label, @Metric, @MetricsJson, @InputsJson, @ClassesJson,
                    @LineageJson, @ArtifactSha256, @ArtifactSize, @CreatedAt, @JobId)
            """, row, transaction, cancellationToken)).ConfigureAwait(false);
        if (number == 1)
        {
            await MoveAliasAsync(connection, transaction, key.Tenant, key.Name, ModelAliases.Production, 1, now, cancellationToken).ConfigureAwait(false);
        }

        await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return row.ToVersion();
    }

    public async Task<RegisteredModel?> FindModelAsync(TenantId tenant, string name, CancellationToken cancellationToken)
    {
        var models = await QueryModelsAsync("WHERE m.tenant_id = @Tenant AND m.name = @Name", new { Tenant = tenant.ToString(), Name = name }, cancellationToken).ConfigureAwait(false);
        return models.SingleOrDefault();
    }

    public Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken) =>
        QueryModelsAsync("WHERE m.tenant_id = @Tenant ORDER BY m.name LIMIT @Limit OFFSET @Offset",
            new { Tenant = tenant.ToString(), Limit = limit, Offset = offset }, cancellationToken);

    public async Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(TenantId tenant, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<VersionRow>(Command(
            $"{SelectVersion} WHERE tenant_id = @Tenant AND model_name = @Name ORDER BY version DESC",
            new { Tenant = tenant.ToString(), Name = name }, null, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToVersion()).ToArray();
    }

    public async Task<ModelVersion?> FindVersionAsync(TenantId tenant, string name, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(Command(
            $"{SelectVersion} WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version AND deleted_at IS NULL",
            new { Tenant = tenant.ToString(), Name = name, Version = version }, null, cancellationToken)).ConfigureAwait(false);
        return row?.ToVersion();
    }

    public async Task<ModelVersion?> ResolveAliasAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(Command($"""
            {SelectVersion} WHERE tenant_id = @Tenant AND model_name = @Name AND deleted_at IS NULL AND version =
                (SELECT a.version FROM model_aliases a WHERE a.tenant_id = @Tenant AND a.model_name = @Name AND a.alias = @Alias)
            """, new { Tenant = tenant.ToString(), Name = name, Alias = alias }, null, cancellationToken)).ConfigureAwait(false);
        return row?.ToVersion();
    }

    public async Task<AliasTarget?> FindAliasAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AliasSplitSql.FindAsync(connection, null, tenant.ToString(), name, alias, cancellationToken).ConfigureAwait(false);
    }

    public Task<AliasChange> SetAliasAsync(TenantId tenant, string name, string alias, int version, CancellationToken cancellationToken) =>
        SetAsync(tenant, name, alias, version, AliasSplit.None, alwaysMove: true, cancellationToken);

    public Task<AliasChange> SetAliasSplitAsync(TenantId tenant, string name, string alias, int version, AliasSplit split, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(split);
        split.Check(version);
        return SetAsync(tenant, name, alias, version, split, alwaysMove: false, cancellationToken);
    }

    public async Task<AliasChange> PromoteCanaryAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var target = await AliasSplitSql.FindAsync(connection, transaction, tenant.ToString(), name, alias, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Alias(name, alias);
        if (target.Split.CanaryVersion is not { } canary)
        {
            throw new Core.Common.ConflictException("no-canary", $"Alias '{alias}' of model '{name}' carries no canary to promote.");
        }

        // A move like any other: the history gains the canary, so rolling back returns to the version it replaced.
        await MoveAliasAsync(connection, transaction, tenant.ToString(), name, alias, canary, now, cancellationToken).ConfigureAwait(false);
        await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AliasChange(name, alias, target.Version, canary, UnixTime.FromMs(now));
    }

    public async Task<AliasChange> ClearSplitAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var target = await AliasSplitSql.FindAsync(connection, transaction, tenant.ToString(), name, alias, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Alias(name, alias);
        await AliasSplitSql.WriteAsync(connection, transaction, tenant.ToString(), name, alias, AliasSplit.None, now, cancellationToken).ConfigureAwait(false);
        await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AliasChange(name, alias, target.Version, target.Version, UnixTime.FromMs(now));
    }

    private async Task<AliasChange> SetAsync(TenantId tenant, string name, string alias, int version, AliasSplit split, bool alwaysMove,
        CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMs(time.GetUtcNow());
        var key = tenant.ToString();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (!await AliasSplitSql.IsLiveAsync(connection, transaction, key, name, version, cancellationToken).ConfigureAwait(false))
        {
            throw ModelNotFoundException.Version(name, version);
        }

        await AliasSplitSql.CheckVersionsAsync(connection, transaction, key, name, split, cancellationToken).ConfigureAwait(false);
        var current = await AliasSplitSql.FindAsync(connection, transaction, key, name, alias, cancellationToken).ConfigureAwait(false);

        // Only a change of version is a move in the alias's history: a split change that keeps the version would make
        // a later rollback "return" to the version the alias already has.
        var previous = current?.Version;
        if (alwaysMove || current is null || current.Version != version)
        {
            previous = await MoveAliasAsync(connection, transaction, key, name, alias, version, now, cancellationToken).ConfigureAwait(false);
        }

        await AliasSplitSql.WriteAsync(connection, transaction, key, name, alias, split, now, cancellationToken).ConfigureAwait(false);
        await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AliasChange(name, alias, previous, version, UnixTime.FromMs(now));
    }

    public async Task<AliasChange> RollbackAliasAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken)
    {
        var now = UnixTime.ToMs(time.GetUtcNow());
        var key = new { Tenant = tenant.ToString(), Name = name, Alias = alias };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var history = (await connection.QueryAsync<HistoryRow>(Command(
            "SELECT seq AS Seq, version AS Version FROM alias_history WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias ORDER BY seq DESC LIMIT 2",
            key, transaction, cancellationToken)).ConfigureAwait(false)).ToArray();
        if (history.Length == 0)
        {
            throw ModelNotFoundException.Alias(name, alias);
        }

        if (history.Length < 2)
        {
            throw new Core.Common.ConflictException("nothing-to-roll-back", $"Alias '{alias}' of model '{name}' has never moved; there is nothing to roll back to.");
        }

        // The version the alias pointed at before may have been deleted since (deletion only refuses versions an
        // alias points at now): moving onto its tombstone would make every prediction through the alias a 404.
        var target = history[1].Version;
        var live = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM model_versions WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version AND deleted_at IS NULL",
            new { key.Tenant, key.Name, Version = target }, transaction, cancellationToken)).ConfigureAwait(false);
        if (live == 0)
        {
            throw new Core.Common.ConflictException("rollback-target-deleted",
                $"Alias '{alias}' of model '{name}' would roll back to version {target}, which has been deleted; point it at a live version instead.");
        }

        // Rolling back removes the newest history entry, so a second rollback steps back once more.
        await connection.ExecuteAsync(Command(
            "DELETE FROM alias_history WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias AND seq = @Seq",
            new { key.Tenant, key.Name, key.Alias, history[0].Seq }, transaction, cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(
            $"UPDATE model_aliases SET version = @Version, updated_at = @Now, {AliasSplitSql.ClearColumns} WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias",
            new { key.Tenant, key.Name, key.Alias, history[1].Version, Now = now }, transaction, cancellationToken)).ConfigureAwait(false);
        await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AliasChange(name, alias, history[0].Version, history[1].Version, UnixTime.FromMs(now));
    }

    public async Task<string?> DeleteVersionAsync(TenantId tenant, string name, int version, CancellationToken cancellationToken)
    {
        var key = new { Tenant = tenant.ToString(), Name = name, Version = version, Now = UnixTime.ToMs(time.GetUtcNow()) };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var aliases = (await connection.QueryAsync<string>(Command(
            "SELECT alias FROM model_aliases WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version", key, transaction, cancellationToken))
            .ConfigureAwait(false)).ToArray();
        aliases = [.. aliases, .. await AliasSplitSql.NamingAsync(connection, transaction, key.Tenant, name, version, cancellationToken).ConfigureAwait(false)];
        if (aliases.Length > 0)
        {
            throw new Core.Common.ConflictException("version-aliased",
                $"Version {version} of model '{name}' is what {string.Join(", ", aliases.Distinct().Select(a => $"'{a}'"))} points at or splits traffic to; move the alias or clear its split first.");
        }

        var sha = await connection.ExecuteScalarAsync<string?>(Command(
            "UPDATE model_versions SET deleted_at = @Now WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version AND deleted_at IS NULL RETURNING artifact_sha256",
            key, transaction, cancellationToken)).ConfigureAwait(false) ?? throw ModelNotFoundException.Version(name, version);
        await connection.ExecuteAsync(Command(
            "DELETE FROM model_drift WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version", key, transaction, cancellationToken))
            .ConfigureAwait(false);
        var stillUsed = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM model_versions WHERE tenant_id = @Tenant AND artifact_sha256 = @Sha AND deleted_at IS NULL",
            new { key.Tenant, Sha = sha }, transaction, cancellationToken)).ConfigureAwait(false);
        await BumpRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stillUsed == 0 ? sha : null;
    }

    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT revision FROM registry_revision WHERE id = 1", new { }, null, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<int?> MoveAliasAsync(DbConnection connection, DbTransaction transaction, string tenant, string name, string alias,
        int version, long now, CancellationToken cancellationToken)
    {
        var key = new { Tenant = tenant, Name = name, Alias = alias, Version = version, Now = now };
        var previous = await connection.ExecuteScalarAsync<int?>(Command(
            "SELECT version FROM model_aliases WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias", key, transaction, cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(Command("""
            INSERT INTO model_aliases (tenant_id, model_name, alias, version, updated_at) VALUES (@Tenant, @Name, @Alias, @Version, @Now)
            ON CONFLICT (tenant_id, model_name, alias) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at,
                canary_version = NULL, canary_percent = NULL, shadow_version = NULL
            """, key, transaction, cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(Command("""
            INSERT INTO alias_history (tenant_id, model_name, alias, seq, version, changed_at)
            SELECT @Tenant, @Name, @Alias, COALESCE(MAX(seq), 0) + 1, @Version, @Now
            FROM alias_history WHERE tenant_id = @Tenant AND model_name = @Name AND alias = @Alias
            """, key, transaction, cancellationToken)).ConfigureAwait(false);
        return previous;
    }

    private static async Task<ModelVersion?> FindByJobAsync(DbConnection connection, DbTransaction? transaction, string tenant, string job,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(Command($"{SelectVersion} WHERE tenant_id = @Tenant AND job_id = @Job",
            new { Tenant = tenant, Job = job }, transaction, cancellationToken)).ConfigureAwait(false);
        return row?.ToVersion();
    }

    private static Task BumpRevisionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command("UPDATE registry_revision SET revision = revision + 1 WHERE id = 1", new { }, transaction, cancellationToken));

    private async Task<IReadOnlyList<RegisteredModel>> QueryModelsAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var models = (await connection.QueryAsync<ModelRow>(Command(
            $"SELECT m.tenant_id AS TenantId, m.name AS Name, m.created_at AS CreatedAt, m.latest_version AS LatestVersion FROM models m {where}",
            parameters, null, cancellationToken)).ConfigureAwait(false)).ToArray();
        if (models.Length == 0)
        {
            return [];
        }

        var aliases = await connection.QueryAsync<AliasRow>(Command(
            "SELECT model_name AS ModelName, alias AS Alias, version AS Version FROM model_aliases WHERE tenant_id = @Tenant",
            new { Tenant = models[0].TenantId }, null, cancellationToken)).ConfigureAwait(false);
        var byModel = aliases.ToLookup(a => a.ModelName);
        var splits = await AliasSplitSql.ListAsync(connection, models[0].TenantId, cancellationToken).ConfigureAwait(false);
        return models.Select(m => new RegisteredModel(TenantId.Parse(m.TenantId), m.Name, UnixTime.FromMs(m.CreatedAt), m.LatestVersion,
            byModel[m.Name].ToDictionary(a => a.Alias, a => a.Version))
        {
            Splits = splits[m.Name].ToDictionary(a => a.Alias, a => a.Split),
        }).ToArray();
    }

    private static CommandDefinition Command(string sql, object parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class ModelRow
    {
        public string TenantId { get; set; } = "";
        public string Name { get; set; } = "";
        public long CreatedAt { get; set; }
        public int LatestVersion { get; set; }
    }

    private sealed class AliasRow
    {
        public string ModelName { get; set; } = "";
        public string Alias { get; set; } = "";
        public int Version { get; set; }
    }

    private sealed class HistoryRow
    {
        public int Seq { get; set; }
        public int Version { get; set; }
    }
}
