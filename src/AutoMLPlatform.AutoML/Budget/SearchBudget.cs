namespace AutoMLPlatform.AutoML.Budget;

/// <summary>
/// The wall-clock budget of one experiment, from the call to the returned model. The search may use what is left
/// after the <see cref="Reserve"/>: the time the final refit of the current best (and its ensemble partners) is
/// expected to take, kept up to date as the best changes. So the refit is part of the budget, not added after it.
/// </summary>
internal sealed class SearchBudget
{
    private readonly TimeProvider _time;
    private readonly long _started;

    public SearchBudget(TimeProvider time, long startedTimestamp, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _started = startedTimestamp;
        Total = total;
    }

    public TimeSpan Total { get; }

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    public TimeSpan Remaining => Total - Elapsed;

    /// <summary>Time kept back for the end: refitting the best model on all rows, and an ensemble's other members.</summary>
    public TimeSpan Reserve { get; set; }

    /// <summary>How far past the budget the final refit may run before the engine falls back to the trial's own model.</summary>
    public TimeSpan Grace => TimeSpan.FromSeconds(Math.Clamp(Total.TotalSeconds * 0.02, 0.2, 5));

    /// <summary>Shortest time worth starting a trial in: 1 % of the budget, at least 50 ms.</summary>
    public TimeSpan MinimumTrial => TimeSpan.FromSeconds(Math.Max(0.05, Total.TotalSeconds * 0.01));

    /// <summary>True while a new trial could still finish before the reserve is needed.</summary>
    public bool CanStartTrial => Remaining - Reserve > MinimumTrial;
}
