using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// A block's rows without their inputs, in a compact binary form kept readable (not sealed): per row its id, time,
/// version, flags, the id it shadowed, its predicted label or value, and its probabilities. Live quality and id
/// lookups decode this without the tenant's key.
/// </summary>
internal static class BlockOutputs
{
    private const byte Format = 1;

    [Flags]
    private enum Has : byte
    {
        None = 0,
        Shadow = 1,
        ShadowOf = 2,
        Label = 4,
        Value = 8,
    }

    public static byte[] Encode(IReadOnlyList<LoggedPrediction> rows)
    {
        var writer = new BlockWriter(48 * rows.Count + 8);
        writer.Byte(Format);
        writer.Count(rows.Count);
        foreach (var row in rows)
        {
            writer.Guid(row.Id.Value);
            writer.Int64(row.PredictedAt.ToUnixTimeMilliseconds());
            writer.Count(row.Version);
            var has = (row.Shadow ? Has.Shadow : Has.None) | (row.ShadowOf is null ? Has.None : Has.ShadowOf)
                | (row.PredictedLabel is null ? Has.None : Has.Label) | (row.PredictedValue is null ? Has.None : Has.Value);
            writer.Byte((byte)has);
            if (row.ShadowOf is { } of)
            {
                writer.Guid(of.Value);
            }

            if (row.PredictedLabel is { } label)
            {
                writer.Text(label);
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
        if (reader.Byte() != Format)
        {
            throw new InvalidDataException("A prediction block's outputs are in an unknown format.");
        }

        var rows = new BlockRow[reader.Count()];
        for (var r = 0; r < rows.Length; r++)
        {
            var id = PredictionId.FromGuid(reader.Guid());
            var at = reader.Int64();
            var version = reader.Count();
            var has = (Has)reader.Byte();
            PredictionId? shadowOf = has.HasFlag(Has.ShadowOf) ? PredictionId.FromGuid(reader.Guid()) : null;
            var label = has.HasFlag(Has.Label) ? reader.Text() : null;
            double? value = has.HasFlag(Has.Value) ? reader.Double() : null;
            var probabilities = new float[reader.Count()];
            for (var i = 0; i < probabilities.Length; i++)
            {
                probabilities[i] = reader.Single();
            }

            rows[r] = new BlockRow(id, version, at, label, value, probabilities, has.HasFlag(Has.Shadow), shadowOf);
        }

        return rows;
    }
}
