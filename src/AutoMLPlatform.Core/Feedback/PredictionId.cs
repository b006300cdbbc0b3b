using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Feedback;

/// <summary>Identifies one logged prediction (one row of an answer); feedback names it.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PredictionId>))]
public readonly record struct PredictionId(Guid Value) : IGuidId<PredictionId>
{
    public static PredictionId New() => new(Guid.NewGuid());

    public static PredictionId FromGuid(Guid value) => new(value);

    public static PredictionId Parse(string text) => new(Guid.Parse(text));

    public static bool TryParse([NotNullWhen(true)] string? text, out PredictionId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new PredictionId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("D");
}
