using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>Training jobs as leased rows: the compare-and-set is on (status, attempt); a cancel request stops the work.</summary>
internal sealed class JobRows(IJobStore store, IJobQueue queue) : IRecoverableRows<TrainingJob>
{
    public string Noun => "job";

    public string IdOf(TrainingJob row) => row.Id.ToString();

    public int AttemptOf(TrainingJob row) => row.Attempt;

    public DateTimeOffset LastSignOf(TrainingJob row) => row.HeartbeatAt ?? row.StartedAt ?? row.CreatedAt;

    public Task<bool> TryWriteAsync(TrainingJob updated, TrainingJob held, CancellationToken cancellationToken) =>
        store.TryUpdateAsync(updated, held.Status, held.Attempt, cancellationToken);

    public bool IsRunning(TrainingJob row) => row?.Status == JobStatus.Running;

    public TrainingJob Start(TrainingJob queued, DateTimeOffset now) => queued.Start(now);

    public TrainingJob Beat(TrainingJob held, DateTimeOffset now) => held with
    {
        HeartbeatAt = now,
        Progress = held.Progress with { Elapsed = now - (held.StartedAt ?? now) },
    };

    public async Task<string?> StopRequestAsync(TrainingJob held, CancellationToken cancellationToken) =>
        await store.FindAnyAsync(held.Id, cancellationToken).ConfigureAwait(false) is { CancelRequested: true } ? "the job was cancelled" : null;

    public Task<IReadOnlyList<TrainingJob>> ListQueuedAsync(CancellationToken cancellationToken) =>
        store.ListByStatusAsync(JobStatus.Queued, cancellationToken);

    public Task<IReadOnlyList<TrainingJob>> ListRunningAsync(CancellationToken cancellationToken) =>
        store.ListByStatusAsync(JobStatus.Running, cancellationToken);

    public TrainingJob Requeue(TrainingJob running) => running.Requeue();

    public TrainingJob GiveUp(TrainingJob row, DateTimeOffset now, string reason) => row.Fail(now, reason);

    public Task EnqueueAsync(TrainingJob row, CancellationToken cancellationToken) => queue.EnqueueAsync(row.Id, cancellationToken);

    public async Task<IReadOnlySet<string>> ListPendingDeliveriesAsync(CancellationToken cancellationToken) =>
        (await queue.ListPendingAsync(cancellationToken).ConfigureAwait(false)).Select(id => id.ToString()).ToHashSet();
}
