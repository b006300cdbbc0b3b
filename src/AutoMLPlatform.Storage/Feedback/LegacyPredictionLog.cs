using System.Text.Json;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Moves the prediction log's first format (one <c>prediction_log</c> row per prediction, inputs sealed as JSON arrays
/// in <c>prediction_inputs</c>) into blocks at start, one old inputs block per transaction: its rows become blocks, its
/// feedback rows of <c>prediction_feedback</c>, and the old rows are deleted in the same transaction. Processes that
/// start together each take a block by deleting it; the one that deleted nothing moves nothing. Rows whose ids carry no
/// time (made before ids were time-ordered) are still read by time window, but feedback can no longer name them.
/// </summary>
internal sealed partial class LegacyPredictionLog(StoreDatabase database, IServiceProvider services, ILogger<LegacyPredictionLog> logger)
{
    public async Task MoveAsync(CancellationToken cancellationToken)
    {
        PredictionBlocks? blocks = null;
        long moved = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var next = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT id FROM prediction_inputs ORDER BY created_at LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (next is null)
            {
                break;
            }

            // Resolved only when there is something to move: the cipher needs the master key, which a new install makes later.
            blocks ??= new PredictionBlocks(services.GetRequiredService<IBlobCipher>());
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var block = await connection.QuerySingleOrDefaultAsync<(string Tenant, string Name, string Sealed)?>(new CommandDefinition(
                "DELETE FROM prediction_inputs WHERE id = @Id RETURNING tenant_id, model_name, sealed", new { Id = next }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (block is not { } taken)
            {
                continue;
            }

            var rows = (await connection.QueryAsync<LegacyRow>(new CommandDefinition("""
                DELETE FROM prediction_log WHERE inputs_id = @Id
                RETURNING id AS Id, version AS Version, predicted_at AS PredictedAt, inputs_index AS InputsIndex, predicted_label AS PredictedLabel,
                    predicted_value AS PredictedValue, probabilities_json AS ProbabilitiesJson, true_label AS TrueLabel, true_value AS TrueValue,
                    observed_at AS ObservedAt, feedback_at AS FeedbackAt, shadow AS Shadow, shadow_of AS ShadowOf
                """, new { Id = next }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
            var tenant = TenantId.Parse(taken.Tenant);
            var plain = await blocks.OpenAsync(tenant, Convert.FromBase64String(taken.Sealed), cancellationToken).ConfigureAwait(false);
            using var inputs = JsonDocument.Parse(plain);
            var names = new Dictionary<string, IReadOnlyList<string>>();
            var logged = rows.Select(r => new LoggedPrediction(PredictionId.Parse(r.Id), tenant, taken.Name, r.Version, UnixTime.FromMs(r.PredictedAt),
                BlockInputs.FromJson(inputs.RootElement[r.InputsIndex], names), r.PredictedLabel, r.PredictedValue,
                r.ProbabilitiesJson is null ? [] : JsonSerializer.Deserialize<float[]>(r.ProbabilitiesJson)!)
            {
                Shadow = r.Shadow != 0,
                ShadowOf = r.ShadowOf is null ? null : PredictionId.Parse(r.ShadowOf),
            }).ToArray();
            await PredictionBlocks.InsertAsync(connection, transaction, await blocks.BuildAsync(logged, cancellationToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO prediction_feedback (tenant_id, model_name, prediction_id, predicted_at, true_label, true_value, observed_at, feedback_at)
                VALUES (@Tenant, @Name, @Id, @PredictedAt, @TrueLabel, @TrueValue, @ObservedAt, @FeedbackAt)
                ON CONFLICT (tenant_id, model_name, prediction_id) DO NOTHING
                """, rows.Where(r => r.FeedbackAt is not null && r.Shadow == 0).Select(r => new
            {
                taken.Tenant, taken.Name, r.Id, r.PredictedAt, r.TrueLabel, r.TrueValue, ObservedAt = r.ObservedAt ?? r.FeedbackAt, r.FeedbackAt,
            }), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            moved += rows.Length;
        }

        if (moved > 0)
        {
            LogMoved(moved);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Rows} logged predictions of the earlier format into blocks")]
    private partial void LogMoved(long rows);

    /// <summary>A row of the old table; settable properties, because Dapper converts SQLite's 64-bit integers only into properties.</summary>
    private sealed class LegacyRow
    {
        public string Id { get; set; } = "";

        public int Version { get; set; }

        public long PredictedAt { get; set; }

        public int InputsIndex { get; set; }

        public string? PredictedLabel { get; set; }

        public double? PredictedValue { get; set; }

        public string? ProbabilitiesJson { get; set; }

        public string? TrueLabel { get; set; }

        public double? TrueValue { get; set; }

        public long? ObservedAt { get; set; }

        public long? FeedbackAt { get; set; }

        public int Shadow { get; set; }

        public string? ShadowOf { get; set; }
    }
}
