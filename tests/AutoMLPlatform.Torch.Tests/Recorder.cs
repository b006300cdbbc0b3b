namespace AutoMLPlatform.Torch.Tests;

/// <summary>Collects reports synchronously, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class Recorder<T>(List<T> reports) : IProgress<T>
{
    public void Report(T value) => reports.Add(value);
}
