using AutoMLPlatform.AutoML.Trials;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// The trials an ensemble may be built from, kept as the search runs: the best <see cref="TopCount"/> trials whatever
/// their trainer, and each trainer's best when it is not among them. The best ten alone are often one trainer's
/// near-copies (ten SDCA fits a regularization step apart, on a table a linear model leads), which average to nothing
/// new; a forest or a boosted model that trails them a little errs differently, and that is what an average gains
/// from. Only trials with predictions on every evaluation row qualify; the caller offers no others.
/// </summary>
internal sealed class EnsembleCandidates
{
    /// <summary>Candidates by rank alone: the best this many trials.</summary>
    public const int TopCount = 10;

    private readonly List<TrialOutcome> _top = [];
    private readonly Dictionary<string, TrialOutcome> _bestByTrainer = [];

    /// <summary>The best <see cref="TopCount"/> trials, best first.</summary>
    public IReadOnlyList<TrialOutcome> Top => _top;

    /// <summary>Every candidate, best first (ties by trial number): the top trials and each trainer's best.</summary>
    public IReadOnlyList<TrialOutcome> All =>
        _top.Union(_bestByTrainer.Values).OrderBy(t => t.Loss).ThenBy(t => t.Number).ToArray();

    public void Add(TrialOutcome trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (trial.Predictions is null || !double.IsFinite(trial.Loss))
        {
            throw new ArgumentException($"Trial {trial.Number} has no predictions on every evaluation row to blend.", nameof(trial));
        }

        _top.Add(trial);
        _top.Sort((a, b) => a.Loss != b.Loss ? a.Loss.CompareTo(b.Loss) : a.Number.CompareTo(b.Number));
        if (_top.Count > TopCount)
        {
            _top.RemoveAt(_top.Count - 1);
        }

        if (!_bestByTrainer.TryGetValue(trial.Trainer, out var best) || trial.Loss < best.Loss)
        {
            _bestByTrainer[trial.Trainer] = trial;
        }
    }
}
