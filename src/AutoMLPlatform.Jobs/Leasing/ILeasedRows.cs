namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// One kind of row a worker holds under a lease: training jobs, pipeline runs, parts of fanned-out jobs. A
/// <see cref="Lease{TRow}"/> needs only these: write the row by compare-and-set against the version it holds, claim a
/// queued one, stamp a heartbeat, and ask whether the holder was asked to stop.
/// </summary>
/// <typeparam name="TRow">The immutable record the store reads and writes.</typeparam>
internal interface ILeasedRows<TRow>
    where TRow : class
{
    /// <summary>
    /// Writes <paramref name="updated"/> if the stored row is still where <paramref name="held"/> says it is (status and
    /// attempt); false, writing nothing, when another writer moved it on.
    /// </summary>
    Task<bool> TryWriteAsync(TRow updated, TRow held, CancellationToken cancellationToken);

    /// <summary>Whether the row is running, so held by a worker; a lease stops beating once its row finished.</summary>
    bool IsRunning(TRow row);

    /// <summary>A queued row as this worker claims it: running, a first heartbeat.</summary>
    TRow Start(TRow queued, DateTimeOffset now);

    /// <summary>The held row with a fresh heartbeat.</summary>
    TRow Beat(TRow held, DateTimeOffset now);

    /// <summary>Why the holder should stop although it still holds the row (a cancel request), read from the store; null to go on.</summary>
    Task<string?> StopRequestAsync(TRow held, CancellationToken cancellationToken);
}
