namespace AutoMLPlatform.AutoML.Budget;

/// <summary>
/// Watches the process's resident memory (managed heap and native trainer buffers alike) against a limit; a trial
/// that pushes it over is stopped, recorded as failed, and the tuner learns to avoid that corner.
/// </summary>
internal sealed class MemoryGuard(long limitBytes)
{
    /// <summary>Share of the memory available to the process that the default limit allows.</summary>
    public const double DefaultShareOfAvailable = 0.8;

    public long LimitBytes { get; } = limitBytes;

    /// <summary>The default limit: <see cref="DefaultShareOfAvailable"/> of what the GC reports as available (container-aware).</summary>
    public static long DefaultLimit() => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultShareOfAvailable);

    public static long CurrentBytes() => Environment.WorkingSet;

    public bool Exceeded(out long currentBytes)
    {
        currentBytes = CurrentBytes();
        return currentBytes > LimitBytes;
    }
}
