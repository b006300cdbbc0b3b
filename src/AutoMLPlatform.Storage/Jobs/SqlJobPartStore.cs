using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Jobs;

/// <summary>Parts of fanned-out jobs in SQL; every status change is a compare-and-set on the stored status.</summary>
internal sealed class SqlJobPartStore(StoreDatabase database) : IJobPartStore
{
    public async Task CreateAsync(JobId jobId, int attempt, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO job_parts (job_id, attempt, part, status) VALUES (@JobId, @Attempt, @Part, 'Queued')
            ON CONFLICT (job_id, attempt, part) DO NOTHING
            """,
            Enumerable.Range(0, count).Select(part => new { JobId = jobId.ToString(), Attempt = attempt, Part = part }).ToArray(),
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JobPart>> ListAsync(JobId jobId, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PartRow>(new CommandDefinition("""
            SELECT part AS Part, status AS Status, worker AS Worker, heartbeat_at AS HeartbeatAt, outcome_json AS OutcomeJson, error AS Error
            FROM job_parts WHERE job_id = @JobId AND attempt = @Attempt ORDER BY part
            """, new { JobId = jobId.ToString(), Attempt = attempt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToPart(jobId, attempt)).ToArray();
    }

    public Task<bool> TryClaimAsync(JobId jobId, int attempt, int index, string worker, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteOneAsync("""
            UPDATE job_parts SET status = 'Running', worker = @Worker, heartbeat_at = @Now
            WHERE job_id = @JobId AND attempt = @Attempt AND part = @Part AND status = 'Queued'
            """, new { JobId = jobId.ToString(), Attempt = attempt, Part = index, Worker = worker, Now = UnixTime.ToMs(now) }, cancellationToken);

    public Task<bool> TryHeartbeatAsync(JobId jobId, int attempt, int index, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteOneAsync("""
            UPDATE job_parts SET heartbeat_at = @Now
            WHERE job_id = @JobId AND attempt = @Attempt AND part = @Part AND status = 'Running'
            """, new { JobId = jobId.ToString(), Attempt = attempt, Part = index, Now = UnixTime.ToMs(now) }, cancellationToken);

    public Task<bool> TryFinishAsync(JobPart finished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finished);
        if (finished.Status is not (JobPartStatus.Succeeded or JobPartStatus.Failed))
        {
            throw new ArgumentException($"A part finishes as succeeded or failed, not {finished.Status}.", nameof(finished));
        }

        return ExecuteOneAsync("""
            UPDATE job_parts SET status = @Status, outcome_json = @Outcome, error = @Error
            WHERE job_id = @JobId AND attempt = @Attempt AND part = @Part AND status = 'Running'
            """,
            new
            {
                JobId = finished.JobId.ToString(), finished.Attempt, Part = finished.Index, Status = finished.Status.ToString(),
                Outcome = finished.Outcome is null ? null : StoreJson.Write(finished.Outcome), finished.Error,
            }, cancellationToken);
    }

    public Task<bool> TryAbandonAsync(JobId jobId, int attempt, int index, JobPartStatus expected, string reason, CancellationToken cancellationToken)
    {
        if (expected is not (JobPartStatus.Queued or JobPartStatus.Running))
        {
            throw new ArgumentException($"Only a queued or running part can be abandoned, not a {expected} one.", nameof(expected));
        }

        return ExecuteOneAsync("""
            UPDATE job_parts SET status = 'Abandoned', error = @Reason
            WHERE job_id = @JobId AND attempt = @Attempt AND part = @Part AND status = @Expected
            """, new { JobId = jobId.ToString(), Attempt = attempt, Part = index, Expected = expected.ToString(), Reason = reason }, cancellationToken);
    }

    private async Task<bool> ExecuteOneAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private sealed class PartRow
    {
        public int Part { get; set; }
        public string Status { get; set; } = "";
        public string? Worker { get; set; }
        public long? HeartbeatAt { get; set; }
        public string? OutcomeJson { get; set; }
        public string? Error { get; set; }

        public JobPart ToPart(JobId jobId, int attempt) =>
            new(jobId, attempt, Part, Enum.Parse<JobPartStatus>(Status), Worker, UnixTime.FromMs(HeartbeatAt), ReadOutcome(OutcomeJson), Error);

        private static JobPartOutcome? ReadOutcome(string? json)
        {
            if (json is null)
            {
                return null;
            }

            // Hyperparameters come back as plain values, as on the leaderboard, not as JSON elements.
            var outcome = StoreJson.Read<JobPartOutcome>(json);
            var hyperparameters = JsonNode.Parse(json)?["hyperparameters"]?.ToJsonString() ?? "{}";
            return outcome with { Hyperparameters = StoreJson.ReadHyperparameters(hyperparameters) };
        }
    }
}
