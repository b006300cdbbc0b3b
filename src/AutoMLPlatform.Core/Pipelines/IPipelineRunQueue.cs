using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// Hands a stored pipeline run to whatever executes it (Hangfire), waiting out an outage of the queue's storage until
/// cancelled. Only the id travels: the run row is the truth.
/// </summary>
public interface IPipelineRunQueue
{
    Task EnqueueAsync(PipelineRunId id, CancellationToken cancellationToken);

    /// <summary>
    /// The runs whose delivery is waiting in the queue or being run: a queued run missing here has lost its delivery.
    /// </summary>
    Task<IReadOnlySet<PipelineRunId>> ListPendingAsync(CancellationToken cancellationToken);
}
