using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Feedback on logged predictions, one <c>prediction_feedback</c> row per prediction id. An id is looked up only among
/// the tenant's and model's own blocks, so another tenant's id is simply unknown and nothing of it is touched. Later
/// feedback overwrites earlier (the caller audits it). A shadow row is labelled by the feedback on the answer it
/// shadowed, when it is read.
/// </summary>
internal static class FeedbackSql
{
    /// <summary>Ids per lookup query, well under both databases' parameter limits.</summary>
    private const int LookupSlice = 500;

    public static async Task<IReadOnlyList<FeedbackOutcome>> AddAsync(StoreDatabase database, TenantId tenant, string modelName,
        IReadOnlyList<PredictionFeedback> feedback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var located = await BlockLookup.FindAsync(database, tenant, modelName, feedback.Select(f => f.Id).ToArray(), cancellationToken)
            .ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var had = new HashSet<PredictionId>();
        foreach (var slice in located.Keys.Chunk(LookupSlice))
        {
            var (list, parameters) = IdList(tenant, modelName, slice);
            var rows = await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT prediction_id FROM prediction_feedback WHERE tenant_id = @Tenant AND model_name = @Name AND prediction_id IN ({list})",
                parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            had.UnionWith(rows.Select(PredictionId.Parse));
        }

        var outcomes = new FeedbackOutcome[feedback.Count];
        for (var i = 0; i < feedback.Count; i++)
        {
            var item = feedback[i];
            if (!located.TryGetValue(item.Id, out var row))
            {
                outcomes[i] = FeedbackOutcome.UnknownId;
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO prediction_feedback (tenant_id, model_name, prediction_id, predicted_at, true_label, true_value, observed_at, feedback_at)
                VALUES (@Tenant, @Name, @Id, @PredictedAt, @Label, @Value, @ObservedAt, @Now)
                ON CONFLICT (tenant_id, model_name, prediction_id) DO UPDATE SET true_label = excluded.true_label,
                    true_value = excluded.true_value, observed_at = excluded.observed_at, feedback_at = excluded.feedback_at
                """, new
            {
                Tenant = tenant.ToString(), Name = modelName, Id = item.Id.ToString(), PredictedAt = row.Row.AtMs, item.Label, item.Value,
                ObservedAt = item.ObservedAt.ToUnixTimeMilliseconds(), Now = now.ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            outcomes[i] = had.Add(item.Id) ? FeedbackOutcome.Accepted : FeedbackOutcome.Replaced;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>The true outcomes stored for the model's predictions made in [<paramref name="fromMs"/>, <paramref name="toMs"/>), by id.</summary>
    public static async Task<IReadOnlyDictionary<PredictionId, (string? Label, double? Value)>> ReadAsync(StoreDatabase database, TenantId tenant,
        string modelName, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string? Label, double? Value)>(new CommandDefinition("""
            SELECT prediction_id, true_label, true_value FROM prediction_feedback
            WHERE tenant_id = @Tenant AND model_name = @Name AND predicted_at >= @From AND predicted_at < @To
            """, new { Tenant = tenant.ToString(), Name = modelName, From = fromMs, To = toMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => PredictionId.Parse(r.Id), r => (r.Label, r.Value));
    }

    /// <summary>
    /// <c>@Id0, @Id1, …</c> with their values, plus the tenant and model: written out because Dapper hands a list to
    /// Npgsql as one array parameter, which <c>IN</c> does not take, while SQLite has no <c>= ANY</c>.
    /// </summary>
    private static (string List, DynamicParameters Parameters) IdList(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids)
    {
        var parameters = new DynamicParameters(new { Tenant = tenant.ToString(), Name = modelName });
        for (var i = 0; i < ids.Count; i++)
        {
            parameters.Add($"Id{i}", ids[i].ToString());
        }

        return (string.Join(", ", Enumerable.Range(0, ids.Count).Select(i => $"@Id{i}")), parameters);
    }
}
