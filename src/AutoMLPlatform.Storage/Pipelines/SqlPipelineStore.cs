using System.Data.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Pipelines;

/// <summary>
/// Pipelines and their runs in SQL, for SQLite and PostgreSQL alike. The partial unique index
/// <c>ux_pipeline_runs_active</c> admits one unfinished run per pipeline, so a second trigger loses at the database,
/// whichever process it comes from; every later write of a run is a compare-and-set on (status, attempt).
/// </summary>
internal sealed class SqlPipelineStore(StoreDatabase database, TimeProvider time) : IPipelineStore
{
    private const string SelectPipeline = """
        SELECT tenant_id AS TenantId, definition_json AS DefinitionJson, source AS Source, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM pipelines
        """;

    private const string SelectRun = $"SELECT {PipelineRunRow.Columns} FROM pipeline_runs";

    public async Task<bool> TryCreateAsync(TenantId tenant, PipelineDefinition definition, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var now = UnixTime.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(Command("""
                INSERT INTO pipelines (tenant_id, name, definition_json, source, created_at, updated_at)
                VALUES (@Tenant, @Name, @Definition, @Source, @Now, @Now)
                """, Parameters(tenant, definition, source, now), null, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (DbException ex) when (database.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(TenantId tenant, PipelineDefinition definition, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(Command(
            "UPDATE pipelines SET definition_json = @Definition, source = @Source, updated_at = @Now WHERE tenant_id = @Tenant AND name = @Name",
            Parameters(tenant, definition, source, UnixTime.ToMs(time.GetUtcNow())), null, cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task UpsertAsync(TenantId tenant, PipelineDefinition definition, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // updated_at moves only when the definition or its source changed: loading the same file at every start is a no-op.
        await connection.ExecuteAsync(Command("""
            INSERT INTO pipelines (tenant_id, name, definition_json, source, created_at, updated_at)
            VALUES (@Tenant, @Name, @Definition, @Source, @Now, @Now)
            ON CONFLICT (tenant_id, name) DO UPDATE SET definition_json = excluded.definition_json, source = excluded.source,
                updated_at = excluded.updated_at
            WHERE pipelines.definition_json <> excluded.definition_json OR pipelines.source <> excluded.source
            """, Parameters(tenant, definition, source, UnixTime.ToMs(time.GetUtcNow())), null, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<Pipeline?> FindAsync(TenantId tenant, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PipelineRow>(Command($"{SelectPipeline} WHERE tenant_id = @Tenant AND name = @Name",
            new { Tenant = tenant.ToString(), Name = name }, null, cancellationToken)).ConfigureAwait(false);
        return row?.ToPipeline();
    }

    public async Task<IReadOnlyList<Pipeline>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PipelineRow>(Command($"{SelectPipeline} WHERE tenant_id = @Tenant ORDER BY name LIMIT @Limit OFFSET @Offset",
            new { Tenant = tenant.ToString(), Limit = limit, Offset = offset }, null, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToPipeline()).ToArray();
    }

    public async Task<IReadOnlyList<Pipeline>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PipelineRow>(Command($"{SelectPipeline} ORDER BY tenant_id, name", new { }, null, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToPipeline()).ToArray();
    }

    public async Task<PipelineDeletion> DeleteAsync(TenantId tenant, string name, CancellationToken cancellationToken)
    {
        var key = new { Tenant = tenant.ToString(), Name = name };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var active = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM pipeline_runs WHERE tenant_id = @Tenant AND pipeline_name = @Name AND finished_at IS NULL",
            key, transaction, cancellationToken)).ConfigureAwait(false);
        if (active > 0)
        {
            return PipelineDeletion.RunInProgress;
        }

        var deleted = await connection.ExecuteAsync(Command("DELETE FROM pipelines WHERE tenant_id = @Tenant AND name = @Name",
            key, transaction, cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(Command("DELETE FROM pipeline_runs WHERE tenant_id = @Tenant AND pipeline_name = @Name",
            key, transaction, cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted == 1 ? PipelineDeletion.Deleted : PipelineDeletion.NotFound;
    }

    public async Task<bool> TryCreateRunAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(Command("""
                INSERT INTO pipeline_runs (id, tenant_id, pipeline_name, definition_json, run_trigger, status, attempt, failures, dataset_id,
                                           dataset_version, job_id, job_ids_json, decision_json, error, created_at, started_at, finished_at,
                                           heartbeat_at, drift_json, quality_json)
                VALUES (@Id, @TenantId, @PipelineName, @DefinitionJson, @RunTrigger, @Status, @Attempt, @Failures, @DatasetId,
                        @DatasetVersion, @JobId, @JobIdsJson, @DecisionJson, @Error, @CreatedAt, @StartedAt, @FinishedAt, @HeartbeatAt, @DriftJson, @QualityJson)
                """, PipelineRunRow.From(run), null, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (DbException ex) when (database.IsUniqueViolation(ex))
        {
            return false; // ux_pipeline_runs_active: the pipeline already has an unfinished run
        }
    }

    public Task<PipelineRun?> FindActiveRunAsync(TenantId tenant, string pipeline, CancellationToken cancellationToken) =>
        QuerySingleRunAsync($"{SelectRun} WHERE tenant_id = @Tenant AND pipeline_name = @Name AND finished_at IS NULL",
            new { Tenant = tenant.ToString(), Name = pipeline }, cancellationToken);

    public Task<PipelineRun?> FindRunAsync(TenantId tenant, PipelineRunId id, CancellationToken cancellationToken) =>
        QuerySingleRunAsync($"{SelectRun} WHERE tenant_id = @Tenant AND id = @Id", new { Tenant = tenant.ToString(), Id = id.ToString() }, cancellationToken);

    public Task<PipelineRun?> FindRunAnyAsync(PipelineRunId id, CancellationToken cancellationToken) =>
        QuerySingleRunAsync($"{SelectRun} WHERE id = @Id", new { Id = id.ToString() }, cancellationToken);

    public Task<IReadOnlyList<PipelineRun>> ListRunsAsync(TenantId tenant, string pipeline, int offset, int limit, CancellationToken cancellationToken) =>
        QueryRunsAsync($"{SelectRun} WHERE tenant_id = @Tenant AND pipeline_name = @Name ORDER BY created_at DESC, id LIMIT @Limit OFFSET @Offset",
            new { Tenant = tenant.ToString(), Name = pipeline, Limit = limit, Offset = offset }, cancellationToken);

    public Task<IReadOnlyList<PipelineRun>> ListRunsByStatusAsync(PipelineRunStatus status, CancellationToken cancellationToken) =>
        QueryRunsAsync($"{SelectRun} WHERE status = @Status ORDER BY created_at", new { Status = status.ToString() }, cancellationToken);

    public async Task<bool> TryUpdateRunAsync(PipelineRun updated, PipelineRunStatus expectedStatus, int expectedAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var row = PipelineRunRow.From(updated);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(Command("""
            UPDATE pipeline_runs SET status = @Status, attempt = @Attempt, failures = @Failures, dataset_id = @DatasetId,
                                     dataset_version = @DatasetVersion, job_id = @JobId, job_ids_json = @JobIdsJson,
                                     decision_json = @DecisionJson, error = @Error, started_at = @StartedAt, finished_at = @FinishedAt,
                                     heartbeat_at = @HeartbeatAt
            WHERE id = @Id AND status = @ExpectedStatus AND attempt = @ExpectedAttempt
            """,
            new
            {
                row.Id, row.Status, row.Attempt, row.Failures, row.DatasetId, row.DatasetVersion, row.JobId, row.JobIdsJson, row.DecisionJson,
                row.Error, row.StartedAt, row.FinishedAt, row.HeartbeatAt, ExpectedStatus = expectedStatus.ToString(), ExpectedAttempt = expectedAttempt,
            }, null, cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    private static object Parameters(TenantId tenant, PipelineDefinition definition, string source, long now) =>
        new { Tenant = tenant.ToString(), definition.Name, Definition = StoreJson.Write(definition), Source = source, Now = now };

    private async Task<PipelineRun?> QuerySingleRunAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PipelineRunRow>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
        return row?.ToRun();
    }

    private async Task<IReadOnlyList<PipelineRun>> QueryRunsAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PipelineRunRow>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRun()).ToArray();
    }

    private static CommandDefinition Command(string sql, object parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class PipelineRow
    {
        public string TenantId { get; set; } = "";
        public string DefinitionJson { get; set; } = "";
        public string Source { get; set; } = "";
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }

        public Pipeline ToPipeline() => new(Core.Tenancy.TenantId.Parse(TenantId), StoreJson.Read<PipelineDefinition>(DefinitionJson), Source,
            UnixTime.FromMs(CreatedAt), UnixTime.FromMs(UpdatedAt));
    }
}
