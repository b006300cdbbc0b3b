using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// The prediction log in <c>prediction_log</c>, its inputs sealed per written block in <c>prediction_inputs</c>, and
/// each model's switch in <c>prediction_log_settings</c>. A block is one tenant's and model's rows of one appended
/// batch, encrypted as one JSON array under the tenant's data key, so sealing costs once per batch rather than per row.
/// </summary>
internal sealed class SqlPredictionLogStore(StoreDatabase database, IBlobCipher cipher) : IPredictionLogStore
{
    private const long DayMs = 86_400_000;

    /// <summary>Retention deletes in slices of this many rows, so a SQLite writer never holds the lock for long.</summary>
    private const int DeleteSlice = 5_000;

    public async Task<PredictionLogSettings> GetSettingsAsync(TenantId tenant, string modelName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(double Rate, int Days)?>(new CommandDefinition(
            "SELECT sample_rate, retention_days FROM prediction_log_settings WHERE tenant_id = @Tenant AND model_name = @Name",
            new { Tenant = tenant.ToString(), Name = modelName }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new PredictionLogSettings(r.Rate, r.Days) : PredictionLogSettings.Off;
    }

    public async Task SetSettingsAsync(TenantId tenant, string modelName, PredictionLogSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO prediction_log_settings (tenant_id, model_name, sample_rate, retention_days, updated_at) VALUES (@Tenant, @Name, @Rate, @Days, @Now)
            ON CONFLICT (tenant_id, model_name) DO UPDATE SET sample_rate = excluded.sample_rate, retention_days = excluded.retention_days,
                updated_at = excluded.updated_at
            """, new { Tenant = tenant.ToString(), Name = modelName, Rate = settings.SampleRate, Days = settings.RetentionDays,
            Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(TenantId Tenant, string ModelName, PredictionLogSettings Settings)>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Tenant, string Name, double Rate, int Days)>(new CommandDefinition(
            "SELECT tenant_id, model_name, sample_rate, retention_days FROM prediction_log_settings WHERE sample_rate > 0",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (TenantId.Parse(r.Tenant), r.Name, new PredictionLogSettings(r.Rate, r.Days))).ToArray();
    }

    public async Task AppendAsync(IReadOnlyList<LoggedPrediction> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var blocks = new List<object>();
        var rows = new List<(LoggedPrediction, string, int)>(batch.Count);
        foreach (var group in batch.GroupBy(p => (p.Tenant, p.ModelName)))
        {
            var members = group.ToArray();
            var blockId = Guid.CreateVersion7().ToString("D");
            blocks.Add(new
            {
                Id = blockId, Tenant = group.Key.Tenant.ToString(), Name = group.Key.ModelName,
                CreatedAt = members.Max(p => p.PredictedAt).ToUnixTimeMilliseconds(),
                Sealed = await SealAsync(group.Key.Tenant, members, cancellationToken).ConfigureAwait(false),
            });
            rows.AddRange(members.Select((p, i) => (p, blockId, i)));
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO prediction_inputs (id, tenant_id, model_name, created_at, sealed) VALUES (@Id, @Tenant, @Name, @CreatedAt, @Sealed)",
            blocks, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await PredictionRowsInsert.RunAsync(connection, transaction, rows, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<FeedbackOutcome>> AddFeedbackAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionFeedback> feedback,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        FeedbackSql.AddAsync(database, tenant, modelName, feedback, now, cancellationToken);

    public Task<IReadOnlyDictionary<PredictionId, int>> FindVersionsAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids,
        CancellationToken cancellationToken) =>
        FeedbackSql.FindVersionsAsync(database, tenant, modelName, ids, cancellationToken);

    public async Task<IReadOnlyList<LabelledPrediction>> ReadAsync(TenantId tenant, string modelName, int version, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, long At, string? Label, double? Value, string? Probabilities, string? TrueLabel, double? TrueValue)>(
            new CommandDefinition("""
                SELECT id, predicted_at, predicted_label, predicted_value, probabilities_json, true_label, true_value FROM prediction_log
                WHERE tenant_id = @Tenant AND model_name = @Name AND version = @Version AND predicted_at >= @From AND predicted_at < @To
                ORDER BY predicted_at, id
                """, new { Tenant = tenant.ToString(), Name = modelName, Version = version, From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new LabelledPrediction(PredictionId.Parse(r.Id), UnixTime.FromMs(r.At), r.Label, r.Value,
            r.Probabilities is null ? [] : JsonSerializer.Deserialize<float[]>(r.Probabilities)!, r.TrueLabel, r.TrueValue)).ToArray();
    }

    public async Task<IReadOnlyDictionary<PredictionId, string>> ReadInputsAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<PredictionId, string>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var slice in ids.Distinct().Chunk(500))
        {
            var (list, parameters) = FeedbackSql.IdList(tenant, modelName, slice);
            var rows = await connection.QueryAsync<(string Id, int Index, string Sealed)>(new CommandDefinition($"""
                SELECT l.id, l.inputs_index, i.sealed FROM prediction_log l JOIN prediction_inputs i ON i.id = l.inputs_id
                WHERE l.tenant_id = @Tenant AND l.model_name = @Name AND l.id IN ({list})
                """, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var block in rows.GroupBy(r => r.Sealed))
            {
                using var inputs = await OpenAsync(tenant, block.Key, cancellationToken).ConfigureAwait(false);
                foreach (var (id, index, _) in block)
                {
                    found[PredictionId.Parse(id)] = inputs.RootElement[index].GetRawText();
                }
            }
        }

        return found;
    }

    public async Task<long> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A model whose settings row is gone (its tenant deleted, say) keeps the default retention.
        const string Expired = """
            {0} < @Now - @DayMs * COALESCE((SELECT s.retention_days FROM prediction_log_settings s
                WHERE s.tenant_id = {1}.tenant_id AND s.model_name = {1}.model_name), @DefaultDays)
            """;
        var parameters = new { Now = now.ToUnixTimeMilliseconds(), DayMs, DefaultDays = PredictionLogSettings.Off.RetentionDays, Slice = DeleteSlice };
        long deleted = 0;
        foreach (var (table, time) in new[] { ("prediction_log", "predicted_at"), ("prediction_inputs", "created_at") })
        {
            var sql = $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, Expired, time, table)} LIMIT @Slice)";
            int slice;
            do
            {
                await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                slice = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
                deleted += table == "prediction_log" ? slice : 0;
            }
            while (slice == DeleteSlice);
        }

        return deleted;
    }

    private async Task<JsonDocument> OpenAsync(TenantId tenant, string sealedBase64, CancellationToken cancellationToken)
    {
        await using var plain = await cipher.DecryptFromAsync(tenant, new MemoryStream(Convert.FromBase64String(sealedBase64)), cancellationToken)
            .ConfigureAwait(false);
        return await JsonDocument.ParseAsync(plain, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> SealAsync(TenantId tenant, IReadOnlyList<LoggedPrediction> members, CancellationToken cancellationToken)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < members.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(members[i].InputsJson);
        }

        var plain = Encoding.UTF8.GetBytes(json.Append(']').ToString());
        using var buffer = new MemoryStream();
        await using (var sealing = await cipher.EncryptToAsync(tenant, buffer, cancellationToken).ConfigureAwait(false))
        {
            await sealing.WriteAsync(plain, cancellationToken).ConfigureAwait(false);
        }

        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
