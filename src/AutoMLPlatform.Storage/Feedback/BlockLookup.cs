using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Finds logged rows by id among one tenant's and model's blocks. An id is time-ordered and carries its prediction's
/// time, so only the blocks around that time are read; another tenant's id, or one that carries no time, is unknown.
/// Ids are taken in time order and each block is decoded once, so a call for many ids of one period reads its blocks once.
/// </summary>
internal static class BlockLookup
{
    public static async Task<IReadOnlyDictionary<PredictionId, LocatedRow>> FindAsync(StoreDatabase database, TenantId tenant, string modelName,
        IReadOnlyList<PredictionId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToHashSet();
        var found = new Dictionary<PredictionId, LocatedRow>();
        var decoded = new HashSet<string>();
        var timed = wanted.Select(id => (Id: id, Known: id.TryGetTime(out var at), Ms: at.ToUnixTimeMilliseconds()))
            .Where(t => t.Known).OrderBy(t => t.Ms).ToArray();
        if (timed.Length == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, _, ms) in timed)
        {
            if (found.ContainsKey(id))
            {
                continue;
            }

            var blocks = await connection.QueryAsync<string>(new CommandDefinition("""
                SELECT id FROM prediction_blocks
                WHERE tenant_id = @Tenant AND model_name = @Name AND last_at >= @Low AND last_at <= @High AND first_at <= @Up
                """, new
            {
                Tenant = tenant.ToString(), Name = modelName, Low = ms - PredictionBlocks.IdSkewMs,
                High = ms + PredictionBlocks.IdSkewMs + PredictionBlocks.MaxSpanMs, Up = ms + PredictionBlocks.IdSkewMs,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var block in blocks.Where(decoded.Add))
            {
                var outputs = await connection.QuerySingleAsync<byte[]>(new CommandDefinition(
                    "SELECT outputs FROM prediction_blocks WHERE id = @Id", new { Id = block }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var rows = BlockOutputs.Decode(outputs);
                for (var i = 0; i < rows.Length; i++)
                {
                    if (wanted.Contains(rows[i].Id))
                    {
                        found[rows[i].Id] = new LocatedRow(block, i, rows[i]);
                    }
                }
            }
        }

        return found;
    }
}
