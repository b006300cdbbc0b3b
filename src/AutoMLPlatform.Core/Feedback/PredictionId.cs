using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Feedback;

/// <summary>Identifies one logged prediction (one row of an answer); feedback names it.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PredictionId>))]
public readonly record struct PredictionId(Guid Value) : IGuidId<PredictionId>
{
    /// <summary>A new time-ordered id (UUID version 7) stamped with the current time.</summary>
    public static PredictionId New() => new(Guid.CreateVersion7());

    /// <summary>A new time-ordered id (UUID version 7) stamped with <paramref name="at"/>, the time of its prediction.</summary>
    public static PredictionId New(DateTimeOffset at) => new(Guid.CreateVersion7(at));

    public static PredictionId FromGuid(Guid value) => new(value);

    public static PredictionId Parse(string text) => new(Guid.Parse(text));

    public static bool TryParse([NotNullWhen(true)] string? text, out PredictionId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new PredictionId(value);
        return ok;
    }

    /// <summary>The time a version 7 id carries (its first 48 bits, Unix milliseconds); false for any other id.</summary>
    public bool TryGetTime(out DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (Value.Version != 7 || !Value.TryWriteBytes(bytes, bigEndian: true, out _))
        {
            time = default;
            return false;
        }

        var ms = 0L;
        for (var i = 0; i < 6; i++)
        {
            ms = (ms << 8) | bytes[i];
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    public override string ToString() => Value.ToString("D");
}
