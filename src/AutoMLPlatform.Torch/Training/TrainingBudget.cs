using System.Diagnostics;

namespace AutoMLPlatform.Torch.Training;

/// <summary>The time limit and the caller's cancellation, checked after every batch.</summary>
internal sealed class TrainingBudget(TimeSpan? limit, CancellationToken cancellationToken)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public TimeSpan? Remaining => limit is { } l ? l - _clock.Elapsed : null;

    /// <summary>True once the time limit is spent. Throws <see cref="OperationCanceledException"/> when the caller cancelled.</summary>
    public bool IsSpent()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return limit is { } l && _clock.Elapsed >= l;
    }
}
