using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// A block's rows without their inputs, in a compact binary form kept readable (not sealed): per row its time, version,
/// flags, id, the id it shadowed, its predicted label or value, and its probabilities. Live quality and id lookups
/// decode this without the tenant's key. Bytes are what logging costs (the database's work grows with them), so a row
/// stores its time as the step from the row before, its id as the 10 bytes after the time it carries, and a label
/// seen before in the block by its number.
/// </summary>
internal static class BlockOutputs
{
    /// <summary>Blocks written before <see cref="Format"/>: full ids and times, texts for labels. Still read.</summary>
    private const byte FirstFormat = 1;

    private const byte Format = 2;

    /// <summary>The bytes of a time-ordered id after the 6 of its time.</summary>
    private const int IdTail = 10;

    public static byte[] Encode(IReadOnlyList<LoggedPrediction> rows)
    {
        var writer = new BlockWriter(24 * rows.Count + 16);
        writer.Byte(Format);
        writer.Count(rows.Count);
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var previousMs = 0L;
        Span<byte> id = stackalloc byte[16];
        foreach (var row in rows)
        {
            var atMs = row.PredictedAt.ToUnixTimeMilliseconds();
            var timed = row.Id.TryGetTime(out var idTime);
            var has = (row.Shadow ? BlockRowFlags.Shadow : BlockRowFlags.None) | (row.ShadowOf is null ? BlockRowFlags.None : BlockRowFlags.ShadowOf)
                | (row.PredictedLabel is null ? BlockRowFlags.None : BlockRowFlags.Label) | (row.PredictedValue is null ? BlockRowFlags.None : BlockRowFlags.Value)
                | (timed ? BlockRowFlags.None : BlockRowFlags.UntimedId);
            writer.Signed(atMs - previousMs);
            previousMs = atMs;
            writer.Count(row.Version);
            writer.Byte((byte)has);
            if (timed)
            {
                writer.Signed(idTime.ToUnixTimeMilliseconds() - atMs);
                row.Id.Value.TryWriteBytes(id, bigEndian: true, out _);
                writer.Bytes(id[^IdTail..]);
            }
            else
            {
                writer.Guid(row.Id.Value);
            }

            if (row.ShadowOf is { } of)
            {
                writer.Guid(of.Value);
            }

            if (row.PredictedLabel is { } label)
            {
                Label(writer, labels, label);
            }

            if (row.PredictedValue is { } value)
            {
                writer.Double(value);
            }

            writer.Count(row.Probabilities.Count);
            for (var i = 0; i < row.Probabilities.Count; i++)
            {
                writer.Single(row.Probabilities[i]);
            }
        }

        return writer.ToArray();
    }

    public static BlockRow[] Decode(byte[] bytes)
    {
        var reader = new BlockReader(bytes);
        return reader.Byte() switch
        {
            Format => Decode(ref reader),
            FirstFormat => BlockOutputsFirstFormat.Decode(ref reader),
            _ => throw new InvalidDataException("A prediction block's outputs are in an unknown format."),
        };
    }

    private static BlockRow[] Decode(ref BlockReader reader)
    {
        var rows = new BlockRow[reader.Count()];
        var labels = new List<string>();
        var atMs = 0L;
        Span<byte> id = stackalloc byte[16];
        for (var r = 0; r < rows.Length; r++)
        {
            atMs += reader.Signed();
            var version = reader.Count();
            var has = (BlockRowFlags)reader.Byte();
            PredictionId rowId;
            if (has.HasFlag(BlockRowFlags.UntimedId))
            {
                rowId = PredictionId.FromGuid(reader.Guid());
            }
            else
            {
                var idMs = atMs + reader.Signed();
                for (var i = 5; i >= 0; i--, idMs >>= 8)
                {
                    id[i] = (byte)idMs;
                }

                reader.Bytes(IdTail).CopyTo(id[^IdTail..]);
                rowId = PredictionId.FromGuid(new Guid(id, bigEndian: true));
            }

            PredictionId? shadowOf = has.HasFlag(BlockRowFlags.ShadowOf) ? PredictionId.FromGuid(reader.Guid()) : null;
            var label = has.HasFlag(BlockRowFlags.Label) ? Label(ref reader, labels) : null;
            double? value = has.HasFlag(BlockRowFlags.Value) ? reader.Double() : null;
            rows[r] = new BlockRow(rowId, version, atMs, label, value, Probabilities(ref reader), has.HasFlag(BlockRowFlags.Shadow), shadowOf);
        }

        return rows;
    }

    /// <summary>Reads a row's probabilities: a count, then each as a 4-byte float.</summary>
    internal static float[] Probabilities(ref BlockReader reader)
    {
        var probabilities = new float[reader.Count()];
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = reader.Single();
        }

        return probabilities;
    }

    /// <summary>A label as 0 and its text the first time the block has it, then as its number among the block's labels plus 1.</summary>
    private static void Label(BlockWriter writer, Dictionary<string, int> labels, string label)
    {
        if (labels.TryGetValue(label, out var index))
        {
            writer.Count(index + 1);
            return;
        }

        writer.Count(0);
        writer.Text(label);
        labels.Add(label, labels.Count);
    }

    private static string Label(ref BlockReader reader, List<string> labels)
    {
        var code = reader.Count();
        if (code == 0)
        {
            labels.Add(reader.Text());
            return labels[^1];
        }

        return code <= labels.Count ? labels[code - 1] : throw new InvalidDataException("A prediction block names a label it does not hold.");
    }
}
