using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Predictions;

/// <summary>The id of one logged prediction row: what feedback names when the true outcome becomes known.</summary>
[JsonConverter(typeof(GuidIdConverter<PredictionId>))]
public readonly record struct PredictionId(Guid Value) : IGuidId<PredictionId>
{
    static PredictionId IGuidId<PredictionId>.FromGuid(Guid value) => new(value);

    public static PredictionId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a PredictionId (a GUID).");

    public static bool TryParse([NotNullWhen(true)] string? text, out PredictionId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new PredictionId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
