using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>A definition that passed validation, and whether its dataset exists yet.</summary>
public sealed record ValidatedPipeline(PipelineDefinition Definition, bool DatasetFound);
