using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>Identifies one run of a pipeline.</summary>
[JsonConverter(typeof(GuidIdJsonConverter<PipelineRunId>))]
public readonly record struct PipelineRunId(Guid Value) : IGuidId<PipelineRunId>
{
    public static PipelineRunId New() => new(Guid.NewGuid());

    public static PipelineRunId FromGuid(Guid value) => new(value);

    public static PipelineRunId Parse(string text) => new(Guid.Parse(text));

    public static bool TryParse([NotNullWhen(true)] string? text, out PipelineRunId id)
    {
        var ok = Guid.TryParse(text, out var value);
        id = new PipelineRunId(value);
        return ok;
    }

    public override string ToString() => Value.ToString("D");
}
