using System.Data.Common;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using Dapper;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Turns logged rows into <c>prediction_blocks</c> rows: one tenant's and model's rows of at most <see cref="MaxSpanMs"/>
/// each, their outputs readable and their inputs sealed under the tenant's data key. A block, not a row, is the unit
/// the database stores and indexes, so logging a row costs a few microseconds of encoding and no index entry.
/// </summary>
internal sealed class PredictionBlocks(IBlobCipher cipher)
{
    /// <summary>
    /// The longest time one block spans, so a lookup of one time reads only the blocks whose newest row is at most this
    /// much later.
    /// </summary>
    public const long MaxSpanMs = 60_000;

    /// <summary>How far a row's id time may lie from its prediction time (ids are stamped with it; this allows clock rounding).</summary>
    public const long IdSkewMs = 1_000;

    /// <summary>
    /// About the most bytes one block's outputs and inputs take: each stays below the large-object heap's 85,000
    /// bytes, which at 100 % logging would otherwise fill with garbage and force full collections several times a second.
    /// </summary>
    private const int MaxBlockBytes = 32_000;

    public async Task<IReadOnlyList<BlockRecord>> BuildAsync(IEnumerable<LoggedPrediction> rows, CancellationToken cancellationToken)
    {
        var blocks = new List<BlockRecord>();
        foreach (var group in rows.GroupBy(p => (p.Tenant, p.ModelName)))
        {
            foreach (var members in Split(group))
            {
                blocks.Add(new BlockRecord(Guid.CreateVersion7().ToString("D"), group.Key.Tenant.ToString(), group.Key.ModelName,
                    members[0].PredictedAt.ToUnixTimeMilliseconds(), members[^1].PredictedAt.ToUnixTimeMilliseconds(), members.Count,
                    BlockOutputs.Encode(members),
                    await SealAsync(group.Key.Tenant, BlockInputs.Encode(members), cancellationToken).ConfigureAwait(false)));
            }
        }

        return blocks;
    }

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BlockRecord> blocks, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO prediction_blocks (id, tenant_id, model_name, first_at, last_at, row_count, outputs, sealed)
            VALUES (@Id, @Tenant, @Name, @FirstAt, @LastAt, @Rows, @Outputs, @Sealed)
            """, blocks, transaction, cancellationToken: cancellationToken));

    /// <summary>The plain bytes of a block's sealed inputs.</summary>
    public async Task<byte[]> OpenAsync(TenantId tenant, byte[] sealedInputs, CancellationToken cancellationToken)
    {
        await using var plain = await cipher.DecryptFromAsync(tenant, new MemoryStream(sealedInputs, writable: false), cancellationToken)
            .ConfigureAwait(false);
        using var bytes = new MemoryStream();
        await plain.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes.ToArray();
    }

    /// <summary>The rows in time order, cut wherever a block would span more than <see cref="MaxSpanMs"/> or take more than <see cref="MaxBlockBytes"/>.</summary>
    private static IEnumerable<List<LoggedPrediction>> Split(IEnumerable<LoggedPrediction> rows)
    {
        List<LoggedPrediction>? block = null;
        var bytes = 0;
        foreach (var row in rows.OrderBy(r => r.PredictedAt).ThenBy(r => r.Id.Value))
        {
            var size = EncodedSize(row);
            if (block is not null && ((row.PredictedAt - block[0].PredictedAt).TotalMilliseconds > MaxSpanMs || bytes + size > MaxBlockBytes))
            {
                yield return block;
                block = null;
            }

            bytes = block is null ? size : bytes + size;
            (block ??= []).Add(row);
        }

        if (block is not null)
        {
            yield return block;
        }
    }

    /// <summary>About the row's bytes in a block's outputs and inputs (texts counted at a byte a character, as ASCII takes).</summary>
    private static int EncodedSize(LoggedPrediction row)
    {
        var size = 40 + 4 * row.Probabilities.Count + (row.PredictedLabel?.Length ?? 0);
        foreach (var text in row.Inputs.Texts)
        {
            size += text is null ? 5 : 2 + text.Length;
        }

        return size;
    }

    private async Task<byte[]> SealAsync(TenantId tenant, byte[] plain, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(plain.Length + 256);
        await using (var sealing = await cipher.EncryptToAsync(tenant, buffer, cancellationToken).ConfigureAwait(false))
        {
            await sealing.WriteAsync(plain, cancellationToken).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }
}
