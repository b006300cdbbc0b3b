namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// Leased rows that recovery hands out again when their worker dies (jobs and pipeline runs; fan-out parts are given up
/// by the worker that waits for them instead): each claim is a new attempt, and a row that used up its attempts fails.
/// </summary>
/// <typeparam name="TRow">The immutable record the store reads and writes.</typeparam>
internal interface IRecoverableRows<TRow> : ILeasedRows<TRow>
    where TRow : class
{
    /// <summary>What the rows are, for logs and reasons: <c>job</c>, <c>pipeline run</c>.</summary>
    string Noun { get; }

    string IdOf(TRow row);

    /// <summary>How many times a worker claimed the row.</summary>
    int AttemptOf(TRow row);

    /// <summary>When the row last showed its worker alive: heartbeat, else start, else creation.</summary>
    DateTimeOffset LastSignOf(TRow row);

    Task<IReadOnlyList<TRow>> ListQueuedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TRow>> ListRunningAsync(CancellationToken cancellationToken);

    /// <summary>Back to the queue, to be claimed again as a new attempt.</summary>
    TRow Requeue(TRow running);

    /// <summary>Failed with <paramref name="reason"/>, from queued or running: the row used up its attempts.</summary>
    TRow GiveUp(TRow row, DateTimeOffset now, string reason);

    /// <summary>Hands the row's id to the queue (Hangfire).</summary>
    Task EnqueueAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>The ids (<see cref="IdOf"/>) of the rows whose delivery waits in the queue or is being run.</summary>
    Task<IReadOnlySet<string>> ListPendingDeliveriesAsync(CancellationToken cancellationToken);
}
