using AutoMLPlatform.Core.Pipelines;
using Hangfire;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The Hangfire entry point of a queued pipeline run (a manual trigger, or a run recovered after a restart).
/// Hangfire's retries are off: the run's promotion policy, applied by the runner, decides what is tried again; so is
/// its failure log, since the runner logs each try's failure in one line.
/// </summary>
public sealed class PipelineRunJob(IPipelineRunner runner)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Pipeline run {0}")]
    public Task ExecuteAsync(Guid runId, CancellationToken cancellationToken) =>
        runner.RunAsync(PipelineRunId.FromGuid(runId), cancellationToken);
}
