using System.Globalization;
using AutoMLPlatform.AutoML.Budget;

namespace AutoMLPlatform.AutoML.Trials;

/// <summary>
/// Watches one running trial and stops it (through <see cref="Token"/>, which ML.NET trainers poll between
/// iterations) when it would overrun the budget or the memory limit. "Would overrun" counts what must still
/// happen after it: its remaining folds and, should it win, its refit on all rows, which takes about as long as a
/// fold scaled by <c>refitGrowth</c>. The check runs every <see cref="Interval"/>, so a stop lands within that
/// plus one trainer iteration.
/// </summary>
internal sealed class TrialGuard : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Margin on refit estimates. Measured refits took 0.7–0.9 of a trial's time per fold scaled by the row growth,
    /// so none: overestimates stop the search early for nothing, and the refit's grace and fallback cover the rest.
    /// </summary>
    public const double RefitSafety = 1.0;

    private readonly SearchBudget _budget;
    private readonly MemoryGuard _memory;
    private readonly int _folds;
    private readonly double _refitGrowth;
    private readonly bool _mustFinishRefit;
    private readonly CancellationTokenSource _stop;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private TimeSpan _foldStarted;
    private TimeSpan _foldTotal;
    private int _foldsDone;
    private bool _inFold;

    /// <param name="budget">The experiment's budget and current reserve.</param>
    /// <param name="memory">The memory limit.</param>
    /// <param name="time">The clock the checks run on.</param>
    /// <param name="folds">Folds the trial fits.</param>
    /// <param name="refitGrowth">All rows over a fold's training rows: how much longer a refit takes than a fold.</param>
    /// <param name="mustFinishRefit">False for the first trial: with no model yet, it may use the whole budget (its own model stands in for the refit).</param>
    /// <param name="caller">The caller's cancellation.</param>
    public TrialGuard(SearchBudget budget, MemoryGuard memory, TimeProvider time, int folds, double refitGrowth, bool mustFinishRefit, CancellationToken caller)
    {
        ArgumentNullException.ThrowIfNull(time);
        _budget = budget;
        _memory = memory;
        _folds = folds;
        _refitGrowth = refitGrowth;
        _mustFinishRefit = mustFinishRefit;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _timer = time.CreateTimer(_ => Check(), null, Interval, Interval);
    }

    /// <summary>Fires when the trial must stop: budget, memory, or the caller's cancellation.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Why the guard stopped the trial; null while it runs or when the caller cancelled.</summary>
    public string? StopReason { get; private set; }

    public int FoldsDone
    {
        get
        {
            lock (_gate)
            {
                return _foldsDone;
            }
        }
    }

    /// <summary>Mean seconds a finished fold took to fit and score.</summary>
    public double SecondsPerFold
    {
        get
        {
            lock (_gate)
            {
                return _foldsDone == 0 ? 0 : _foldTotal.TotalSeconds / _foldsDone;
            }
        }
    }

    public void FoldStarted()
    {
        lock (_gate)
        {
            _foldStarted = _budget.Elapsed;
            _inFold = true;
        }

        Check();
        _stop.Token.ThrowIfCancellationRequested();
    }

    public void FoldFinished()
    {
        lock (_gate)
        {
            _foldTotal += _budget.Elapsed - _foldStarted;
            _foldsDone++;
            _inFold = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The timer first, waiting for a running check: a check must never touch a disposed token source.
        await _timer.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Check()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        var reason = MemoryReason() ?? TimeReason();
        if (reason is null)
        {
            return;
        }

        StopReason = reason;
        _stop.Cancel();
    }

    private string? MemoryReason() => _memory.Exceeded(out var current)
        ? string.Create(CultureInfo.InvariantCulture, $"Stopped: the process used {current >> 20} MB, above the memory limit of {_memory.LimitBytes >> 20} MB.")
        : null;

    private string? TimeReason()
    {
        var now = _budget.Elapsed;
        if (now >= _budget.Total)
        {
            return "Stopped: the time budget ran out.";
        }

        if (!_mustFinishRefit)
        {
            return null;
        }

        double needed;
        lock (_gate)
        {
            var current = _inFold ? (now - _foldStarted).TotalSeconds : 0;
            var perFold = _foldsDone > 0 ? _foldTotal.TotalSeconds / _foldsDone : current;
            var foldsLeft = Math.Max(0, (_folds - _foldsDone) * perFold - current);
            needed = foldsLeft + Math.Max(_budget.Reserve.TotalSeconds, Math.Max(perFold, current) * _refitGrowth * RefitSafety);
        }

        return now.TotalSeconds + needed > _budget.Total.TotalSeconds
            ? "Stopped: finishing it and refitting it would have overrun the time budget."
            : null;
    }
}
