using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// The prediction log in <c>prediction_blocks</c> (<see cref="PredictionBlocks"/>: one row per block of a tenant's and
/// model's logged rows, outputs readable, inputs sealed under the tenant's data key), feedback in
/// <c>prediction_feedback</c>, and each model's switch in <c>prediction_log_settings</c>. Rows are found by their
/// time: by an id's (<see cref="BlockLookup"/>) or by a window's.
/// </summary>
internal sealed class SqlPredictionLogStore(StoreDatabase database, IBlobCipher cipher) : IPredictionLogStore
{
    /// <summary>
    /// How much earlier than a shadow row the answer it shadowed may have been made: the shadow version scores rows
    /// from a queue, off the request path.
    /// </summary>
    private const long ShadowLagMs = 3_600_000;

    private readonly PredictionBlocks _blocks = new(cipher);

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
        foreach (var row in batch)
        {
            if (!row.Id.TryGetTime(out var idTime) || Math.Abs((idTime - row.PredictedAt).TotalMilliseconds) > PredictionBlocks.IdSkewMs)
            {
                throw new ArgumentException($"Logged prediction {row.Id} does not carry its prediction time; ids are made by PredictionId.New(at).",
                    nameof(batch));
            }
        }

        var blocks = await _blocks.BuildAsync(batch, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PredictionBlocks.InsertAsync(connection, transaction, blocks, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<FeedbackOutcome>> AddFeedbackAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionFeedback> feedback,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        FeedbackSql.AddAsync(database, tenant, modelName, feedback, now, cancellationToken);

    public async Task<IReadOnlyDictionary<PredictionId, int>> FindVersionsAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids,
        CancellationToken cancellationToken)
    {
        var located = await BlockLookup.FindAsync(database, tenant, modelName, ids, cancellationToken).ConfigureAwait(false);
        return located.ToDictionary(l => l.Key, l => l.Value.Row.Version);
    }

    public async Task<IReadOnlyList<LabelledPrediction>> ReadAsync(TenantId tenant, string modelName, int version, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var rows = new List<BlockRow>();
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var blocks = await connection.QueryAsync<byte[]>(new CommandDefinition("""
                SELECT outputs FROM prediction_blocks
                WHERE tenant_id = @Tenant AND model_name = @Name AND last_at >= @From AND last_at < @Beyond AND first_at < @To
                """, new { Tenant = tenant.ToString(), Name = modelName, From = fromMs, To = toMs, Beyond = toMs + PredictionBlocks.MaxSpanMs },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var block in blocks)
            {
                rows.AddRange(BlockOutputs.Decode(block).Where(r => r.Version == version && r.AtMs >= fromMs && r.AtMs < toMs));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        // A shadow row is labelled by the feedback on the answer it shadowed, which was made a little earlier.
        var truths = await FeedbackSql.ReadAsync(database, tenant, modelName, fromMs - ShadowLagMs, toMs + PredictionBlocks.IdSkewMs, cancellationToken)
            .ConfigureAwait(false);
        return rows.OrderBy(r => r.AtMs).ThenBy(r => r.Id.Value).Select(r =>
        {
            var (label, value) = truths.TryGetValue(r.ShadowOf ?? r.Id, out var truth) ? truth : default;
            return new LabelledPrediction(r.Id, UnixTime.FromMs(r.AtMs), r.Label, r.Value, r.Probabilities, label, value);
        }).ToArray();
    }

    public async Task<IReadOnlyDictionary<PredictionId, string>> ReadInputsAsync(TenantId tenant, string modelName, IReadOnlyList<PredictionId> ids,
        CancellationToken cancellationToken)
    {
        var located = await BlockLookup.FindAsync(database, tenant, modelName, ids, cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<PredictionId, string>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var block in located.Values.GroupBy(l => l.BlockId))
        {
            var sealedInputs = await connection.QuerySingleAsync<byte[]>(new CommandDefinition(
                "SELECT sealed FROM prediction_blocks WHERE id = @Id", new { Id = block.Key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var plain = await _blocks.OpenAsync(tenant, sealedInputs, cancellationToken).ConfigureAwait(false);
            var inputs = BlockInputs.ReadJson(plain, block.Select(l => l.Index).ToHashSet());
            foreach (var row in block)
            {
                found[row.Row.Id] = inputs[row.Index];
            }
        }

        return found;
    }

    public Task<long> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpiredPredictions.DeleteAsync(database, now, cancellationToken);
}
