using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>Creating a pipeline whose name is taken; replace it with PUT instead.</summary>
public sealed class PipelineExistsException(string name)
    : ConflictException("pipeline-exists", $"Pipeline '{name}' already exists; replace it with PUT /api/pipelines/{name}.");
