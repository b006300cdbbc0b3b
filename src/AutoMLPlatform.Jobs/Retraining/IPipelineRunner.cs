using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>Runs one stored pipeline run to its end; the seam between Hangfire's entry points and the work.</summary>
public interface IPipelineRunner
{
    Task RunAsync(PipelineRunId id, CancellationToken shutdown);
}
