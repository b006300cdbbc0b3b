namespace AutoMLPlatform.Core.Pipelines;

/// <summary>Codes of the refusals of a pipeline definition, from the HTTP path and from files loaded at start.</summary>
public static class PipelineErrorCodes
{
    public const string InvalidPipeline = "invalid-pipeline";

    public const string InvalidPipelineJson = "invalid-pipeline-json";
}
