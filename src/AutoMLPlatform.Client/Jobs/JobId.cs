using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Jobs;

/// <summary>The id of a training job.</summary>
[JsonConverter(typeof(GuidIdConverter<JobId>))]
public readonly record struct JobId(Guid Value) : IGuidId<JobId>
{
    static JobId IGuidId<JobId>.FromGuid(Guid value) => new(value);

    public static JobId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a JobId (a GUID).");

    public static bool TryParse([NotNullWhen(true)] string? text, out JobId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new JobId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
