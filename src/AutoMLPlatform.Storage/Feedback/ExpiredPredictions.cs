using System.Globalization;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Retention: deletes the blocks whose newest row is older than their model's <c>retentionDays</c>, and the feedback on
/// predictions that old, in slices so a SQLite writer never holds the lock for long. A model whose settings row is gone
/// (its tenant deleted, say) keeps the default retention.
/// </summary>
internal static class ExpiredPredictions
{
    private const long DayMs = 86_400_000;

    /// <summary>Blocks (or feedback rows) per delete.</summary>
    private const int Slice = 500;

    private const string Expired = """
        {0}.{1} < @Now - @DayMs * COALESCE((SELECT s.retention_days FROM prediction_log_settings s
            WHERE s.tenant_id = {0}.tenant_id AND s.model_name = {0}.model_name), @DefaultDays)
        """;

    /// <summary>Deletes what is past its retention at <paramref name="now"/>; returns how many logged rows went.</summary>
    public static async Task<long> DeleteAsync(StoreDatabase database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new { Now = now.ToUnixTimeMilliseconds(), DayMs, DefaultDays = PredictionLogSettings.Off.RetentionDays, Slice };
        long deleted = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var blocks = (await connection.QueryAsync<(string Id, int Rows)>(new CommandDefinition(
                $"SELECT b.id, b.row_count FROM prediction_blocks b WHERE {Where("b", "last_at")} LIMIT @Slice", parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
            if (blocks.Length == 0)
            {
                break;
            }

            var ids = new DynamicParameters();
            ids.AddDynamicParams(blocks.Select((b, i) => (b, i)).ToDictionary(p => $"Id{p.i}", p => (object)p.b.Id));
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM prediction_blocks WHERE id IN ({string.Join(", ", blocks.Select((_, i) => $"@Id{i}"))})", ids,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            deleted += blocks.Sum(b => (long)b.Rows);
        }

        int slice;
        do
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            slice = await connection.ExecuteAsync(new CommandDefinition($"""
                DELETE FROM prediction_feedback WHERE (tenant_id, model_name, prediction_id) IN (
                    SELECT f.tenant_id, f.model_name, f.prediction_id FROM prediction_feedback f WHERE {Where("f", "predicted_at")} LIMIT @Slice)
                """, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        while (slice == Slice);

        return deleted;
    }

    private static string Where(string alias, string time) => string.Format(CultureInfo.InvariantCulture, Expired, alias, time);
}
