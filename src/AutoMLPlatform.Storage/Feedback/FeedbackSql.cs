using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Feedback on logged predictions. An id is looked up only among the tenant's and model's own rows, so another
/// tenant's id is simply unknown and nothing of it is touched. Later feedback overwrites earlier (the caller audits it).
/// </summary>
internal static class FeedbackSql
{
    /// <summary>Ids per lookup query, well under both databases' parameter limits.</summary>
    private const int LookupSlice = 500;

    public static async Task<IReadOnlyList<FeedbackOutcome>> AddAsync(StoreDatabase database, TenantId tenant, string modelName,
        IReadOnlyList<PredictionFeedback> feedback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var key = new { Tenant = tenant.ToString(), Name = modelName };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var outcomes = new FeedbackOutcome[feedback.Count];
        for (var i = 0; i < feedback.Count; i++)
        {
            var item = feedback[i];
            var had = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT feedback_at FROM prediction_log WHERE id = @Id AND tenant_id = @Tenant AND model_name = @Name",
                new { Id = item.Id.ToString(), key.Tenant, key.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var updated = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE prediction_log SET true_label = @Label, true_value = @Value, observed_at = @ObservedAt, feedback_at = @Now
                WHERE id = @Id AND tenant_id = @Tenant AND model_name = @Name
                """, new { Id = item.Id.ToString(), key.Tenant, key.Name, item.Label, item.Value, ObservedAt = item.ObservedAt.ToUnixTimeMilliseconds(),
                Now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (updated > 0)
            {
                // A shadow version scored the same row: the outcome is its truth as well, so its live quality can be
                // compared with the answering version's on the same rows.
                await connection.ExecuteAsync(new CommandDefinition("""
                    UPDATE prediction_log SET true_label = @Label, true_value = @Value, observed_at = @ObservedAt, feedback_at = @Now
                    WHERE shadow_of = @Id AND tenant_id = @Tenant AND model_name = @Name
                    """, new { Id = item.Id.ToString(), key.Tenant, key.Name, item.Label, item.Value, ObservedAt = item.ObservedAt.ToUnixTimeMilliseconds(),
                    Now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            outcomes[i] = updated == 0 ? FeedbackOutcome.UnknownId : had is null ? FeedbackOutcome.Accepted : FeedbackOutcome.Replaced;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    public static async Task<IReadOnlyDictionary<PredictionId, int>> FindVersionsAsync(StoreDatabase database, TenantId tenant, string modelName,
        IReadOnlyList<PredictionId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<PredictionId, int>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var slice in ids.Distinct().Chunk(LookupSlice))
        {
            var (list, parameters) = IdList(tenant, modelName, slice);
            var rows = await connection.QueryAsync<(string Id, int Version)>(new CommandDefinition(
                $"SELECT id, version FROM prediction_log WHERE tenant_id = @Tenant AND model_name = @Name AND id IN ({list})",
                parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var (id, version) in rows)
            {
                found[PredictionId.Parse(id)] = version;
            }
        }

        return found;
    }

    /// <summary>
    /// <c>@Id0, @Id1, …</c> with their values, plus the tenant and model: written out because Dapper hands a list to
    /// Npgsql as one array parameter, which <c>IN</c> does not take, while SQLite has no <c>= ANY</c>.
    /// </summary>
    public static (string List, DynamicParameters Parameters) IdList(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids)
    {
        var parameters = new DynamicParameters(new { Tenant = tenant.ToString(), Name = modelName });
        for (var i = 0; i < ids.Count; i++)
        {
            parameters.Add($"Id{i}", ids[i].ToString());
        }

        return (string.Join(", ", Enumerable.Range(0, ids.Count).Select(i => $"@Id{i}")), parameters);
    }
}
