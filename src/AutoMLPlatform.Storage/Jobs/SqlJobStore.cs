using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using AutoMLPlatform.Storage.Tenancy;
using Dapper;

namespace AutoMLPlatform.Storage.Jobs;

/// <summary>
/// Job rows and trials in SQL. Every status change is a compare-and-set on status and attempt. A new job is refused (<c>job-quota</c>) inside its own write transaction when its tenant
/// already has as many queued or running jobs as it may: submitted jobs and pipeline runs' jobs alike.
/// </summary>
internal sealed class SqlJobStore(StoreDatabase database, ITenantLimits limits) : IJobStore
{
    private const string SelectJob = """
        SELECT id AS Id, tenant_id AS TenantId, spec_json AS SpecJson, status AS Status, attempt AS Attempt,
               cancel_requested AS CancelRequested, progress_json AS ProgressJson, error AS Error, result_model AS ResultModel,
               result_version AS ResultVersion, created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt,
               heartbeat_at AS HeartbeatAt
        FROM jobs
        """;

    public async Task CreateAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await TenantUsageSql.EnsureJobSlotAsync(database, connection, transaction, job.TenantId, limits.MaxActiveJobs(job.TenantId), cancellationToken)
            .ConfigureAwait(false);

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO jobs (id, tenant_id, spec_json, status, attempt, cancel_requested, progress_json, error, result_model,
                              result_version, created_at, started_at, finished_at, heartbeat_at)
            VALUES (@Id, @TenantId, @SpecJson, @Status, @Attempt, 0, @ProgressJson, @Error, @ResultModel,
                    @ResultVersion, @CreatedAt, @StartedAt, @FinishedAt, @HeartbeatAt)
            """, JobRow.From(job), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<TrainingJob?> FindAsync(TenantId tenant, JobId id, CancellationToken cancellationToken) =>
        QuerySingleAsync($"{SelectJob} WHERE tenant_id = @Tenant AND id = @Id", new { Tenant = tenant.ToString(), Id = id.ToString() }, cancellationToken);

    public Task<TrainingJob?> FindAnyAsync(JobId id, CancellationToken cancellationToken) =>
        QuerySingleAsync($"{SelectJob} WHERE id = @Id", new { Id = id.ToString() }, cancellationToken);

    public async Task<IReadOnlyList<TrainingJob>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"{SelectJob} WHERE tenant_id = @Tenant ORDER BY created_at DESC, id LIMIT @Limit OFFSET @Offset",
            new { Tenant = tenant.ToString(), Limit = limit, Offset = offset }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToJob()).ToArray();
    }

    public async Task<IReadOnlyList<TrainingJob>> ListByStatusAsync(JobStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"{SelectJob} WHERE status = @Status ORDER BY created_at", new { Status = status.ToString() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToJob()).ToArray();
    }

    public async Task<JobCounts> CountAsync(DateTimeOffset failedSince, CancellationToken cancellationToken)
    {
        // Both filters use ix_jobs_status; the failed count reads only the failed rows' finish times.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = await connection.QuerySingleAsync<(long Queued, long Running, long Failed)>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM jobs WHERE status = @Queued),
                   (SELECT COUNT(*) FROM jobs WHERE status = @Running),
                   (SELECT COUNT(*) FROM jobs WHERE status = @Failed AND finished_at >= @Since)
            """,
            new
            {
                Queued = nameof(JobStatus.Queued), Running = nameof(JobStatus.Running), Failed = nameof(JobStatus.Failed),
                Since = UnixTime.ToMs(failedSince),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new JobCounts(counts.Queued, counts.Running, counts.Failed);
    }

    public async Task<bool> TryUpdateAsync(TrainingJob updated, JobStatus expectedStatus, int expectedAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var row = JobRow.From(updated);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = @Status, attempt = @Attempt, progress_json = @ProgressJson, error = @Error,
                            result_model = @ResultModel, result_version = @ResultVersion, started_at = @StartedAt,
                            finished_at = @FinishedAt, heartbeat_at = @HeartbeatAt
            WHERE id = @Id AND status = @ExpectedStatus AND attempt = @ExpectedAttempt
            """,
            new
            {
                row.Id, row.Status, row.Attempt, row.ProgressJson, row.Error, row.ResultModel, row.ResultVersion, row.StartedAt,
                row.FinishedAt, row.HeartbeatAt, ExpectedStatus = expectedStatus.ToString(), ExpectedAttempt = expectedAttempt,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<bool> RequestCancelAsync(TenantId tenant, JobId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET cancel_requested = 1 WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = tenant.ToString(), Id = id.ToString() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 1;
    }

    public async Task AddTrialAsync(JobId id, int attempt, TrialRecord trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO trials (job_id, attempt, number, trainer, hyperparameters_json, score, metrics_json, duration_ms, error, selection)
            VALUES (@JobId, @Attempt, @Number, @Trainer, @Hyperparameters, @Score, @Metrics, @DurationMs, @Error, @Selection)
            """,
            new
            {
                JobId = id.ToString(), Attempt = attempt, trial.Number, trial.Trainer, Hyperparameters = StoreJson.Write(trial.Hyperparameters),
                Score = FiniteOrNull(trial.Score), Metrics = StoreJson.Write(trial.Metrics.Where(kv => double.IsFinite(kv.Value)).ToDictionary()),
                DurationMs = (long)trial.Duration.TotalMilliseconds, trial.Error, trial.Selection,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TrialRecord>> ListTrialsAsync(JobId id, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TrialRow>(new CommandDefinition("""
            SELECT number AS Number, trainer AS Trainer, hyperparameters_json AS HyperparametersJson, score AS Score,
                   metrics_json AS MetricsJson, duration_ms AS DurationMs, error AS Error, selection AS Selection
            FROM trials WHERE job_id = @JobId AND attempt = @Attempt ORDER BY number
            """, new { JobId = id.ToString(), Attempt = attempt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToTrial()).ToArray();
    }

    private static double? FiniteOrNull(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private async Task<TrainingJob?> QuerySingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToJob();
    }

    private sealed class TrialRow
    {
        public int Number { get; set; }
        public string Trainer { get; set; } = "";
        public string HyperparametersJson { get; set; } = "{}";
        public double? Score { get; set; }
        public string MetricsJson { get; set; } = "{}";
        public long DurationMs { get; set; }
        public string? Error { get; set; }
        public string? Selection { get; set; }

        public TrialRecord ToTrial() => new(Number, Trainer, StoreJson.ReadHyperparameters(HyperparametersJson), Score,
            StoreJson.Read<Dictionary<string, double>>(MetricsJson), TimeSpan.FromMilliseconds(DurationMs), Error, Selection);
    }
}
