using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Retraining;

namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>Pipeline runs as leased rows: the compare-and-set is on (status, attempt), as for jobs.</summary>
internal sealed class PipelineRunRows(IPipelineStore store, IPipelineRunQueue queue) : IRecoverableRows<PipelineRun>
{
    public string Noun => "pipeline run";

    public string IdOf(PipelineRun row) => row.Id.ToString();

    public int AttemptOf(PipelineRun row) => row.Attempt;

    public DateTimeOffset LastSignOf(PipelineRun row) => row.HeartbeatAt ?? row.StartedAt ?? row.CreatedAt;

    public Task<bool> TryWriteAsync(PipelineRun updated, PipelineRun held, CancellationToken cancellationToken) =>
        store.TryUpdateRunAsync(updated, held.Status, held.Attempt, cancellationToken);

    public bool IsRunning(PipelineRun row) => row?.Status == PipelineRunStatus.Running;

    public PipelineRun Start(PipelineRun queued, DateTimeOffset now) => queued.Start(now);

    public PipelineRun Beat(PipelineRun held, DateTimeOffset now) => held with { HeartbeatAt = now };

    public Task<string?> StopRequestAsync(PipelineRun held, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<IReadOnlyList<PipelineRun>> ListQueuedAsync(CancellationToken cancellationToken) =>
        store.ListRunsByStatusAsync(PipelineRunStatus.Queued, cancellationToken);

    public Task<IReadOnlyList<PipelineRun>> ListRunningAsync(CancellationToken cancellationToken) =>
        store.ListRunsByStatusAsync(PipelineRunStatus.Running, cancellationToken);

    public PipelineRun Requeue(PipelineRun running) => running.Requeue();

    public PipelineRun GiveUp(PipelineRun row, DateTimeOffset now, string reason) => row.GiveUp(now, reason);

    public Task EnqueueAsync(PipelineRun row, CancellationToken cancellationToken) => queue.EnqueueAsync(row.Id, cancellationToken);

    public async Task<IReadOnlySet<string>> ListPendingDeliveriesAsync(CancellationToken cancellationToken) =>
        (await queue.ListPendingAsync(cancellationToken).ConfigureAwait(false)).Select(id => id.ToString()).ToHashSet();
}
