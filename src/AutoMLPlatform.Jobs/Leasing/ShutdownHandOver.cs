namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// Delivers a row that a stopping worker has just written back as queued. The Hangfire job that brought the row here
/// ends as done, so on a durable queue nothing else would deliver it again and the row would stay queued for good;
/// delivered now, another worker takes it at once. Should the storage not take it in time, or the queue be volatile
/// (it forgets the delivery with the process), the next start hands every queued row over again
/// (<see cref="LeaseRecoveryService{TRow}"/>).
/// </summary>
internal static class ShutdownHandOver
{
    /// <summary>How long a stopping worker waits for the queue's storage; within Hangfire's 30 s shutdown timeout.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="deliver"/> for at most <see cref="Limit"/>; false if the storage did not take it in time.</summary>
    public static async Task<bool> TryAsync(Func<CancellationToken, Task> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await deliver(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return false;
        }
    }
}
