using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Pipelines;

/// <summary>The id of one run of a retraining pipeline.</summary>
[JsonConverter(typeof(GuidIdConverter<PipelineRunId>))]
public readonly record struct PipelineRunId(Guid Value) : IGuidId<PipelineRunId>
{
    static PipelineRunId IGuidId<PipelineRunId>.FromGuid(Guid value) => new(value);

    public static PipelineRunId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a PipelineRunId (a GUID).");

    public static bool TryParse([NotNullWhen(true)] string? text, out PipelineRunId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new PipelineRunId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
