using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>Identifies a training job.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<JobId>))]
public readonly record struct JobId(Guid Value) : IGuidId<JobId>
{
    public static JobId New() => new(Guid.NewGuid());

    public static JobId FromGuid(Guid value) => new(value);

    public static JobId Parse(string text) => new(Guid.Parse(text));

    public static bool TryParse([NotNullWhen(true)] string? text, out JobId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new JobId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("D");
}
