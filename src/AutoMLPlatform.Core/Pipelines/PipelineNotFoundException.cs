using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>No pipeline (or run) by that name or id exists for the tenant.</summary>
public sealed class PipelineNotFoundException : NotFoundException
{
    public PipelineNotFoundException(string message)
        : base("pipeline-not-found", message)
    {
    }

    public static PipelineNotFoundException Pipeline(string name) => new($"Pipeline '{name}' was not found.");

    public static PipelineNotFoundException Run(string id) => new($"Pipeline run '{id}' was not found.");
}
