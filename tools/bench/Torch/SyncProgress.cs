namespace AutoMLPlatform.Bench.Torch;

/// <summary>Reports on the training thread at once (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
internal sealed class SyncProgress<T>(IProgress<T> inner) : IProgress<T>
{
    public void Report(T value) => inner.Report(value);
}
