using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Reads the outputs of blocks written in the log's first block format (per row a whole id and time, a label as its
/// text), which stored logs may still hold; new blocks are written by <see cref="BlockOutputs"/>.
/// </summary>
internal static class BlockOutputsFirstFormat
{
    /// <summary>The rows after the format byte.</summary>
    public static BlockRow[] Decode(ref BlockReader reader)
    {
        var rows = new BlockRow[reader.Count()];
        for (var r = 0; r < rows.Length; r++)
        {
            var id = PredictionId.FromGuid(reader.Guid());
            var at = reader.Int64();
            var version = reader.Count();
            var has = (BlockRowFlags)reader.Byte();
            PredictionId? shadowOf = has.HasFlag(BlockRowFlags.ShadowOf) ? PredictionId.FromGuid(reader.Guid()) : null;
            var label = has.HasFlag(BlockRowFlags.Label) ? reader.Text() : null;
            double? value = has.HasFlag(BlockRowFlags.Value) ? reader.Double() : null;
            rows[r] = new BlockRow(id, version, at, label, value, BlockOutputs.Probabilities(ref reader), has.HasFlag(BlockRowFlags.Shadow), shadowOf);
        }

        return rows;
    }
}
