using System.Diagnostics;
using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Runtime;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.AutoML.Trials;
using AutoMLPlatform.Core.Modeling;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// The trial loop: pick a trainer, let its tuner propose, run the trial under its guard, learn, report; until the
/// trial limit, the budget (less the refit reserve) or the caller's cancellation.
/// </summary>
internal sealed partial class SearchLoop
{
    /// <summary>Ensemble partners are reserved for only when refitting them costs at most this share of the budget.</summary>
    private const double MaxEnsembleReserveShare = 0.05;

    private readonly PreparedExperiment _experiment;
    private readonly ExperimentSettings _settings;
    private readonly SearchBudget _budget;
    private readonly IReadOnlyList<SearchArm> _arms;
    private readonly ITrainerSelector _selector;
    private readonly ILogger _logger;
    private readonly MemoryGuard _memory;
    private readonly List<TrialOutcome> _trials = [];
    private readonly EnsembleCandidates _candidates = new();

    public SearchLoop(PreparedExperiment experiment, FeatureSets? features, ExperimentSettings settings, SearchBudget budget, MemoryGuard memory,
        TimeProvider time, ILogger logger)
    {
        _experiment = experiment;
        _settings = settings;
        _budget = budget;
        _logger = logger;
        _memory = memory;
        _selector = TunerFactory.Selector(settings.Tuner, settings.Seed, LossScale.For(experiment.Metric));
        _arms = BuildArms(features, memory, time);
    }

    public IReadOnlyList<TrialOutcome> Trials => _trials;

    /// <summary>The best successful trial so far.</summary>
    public TrialOutcome? Best { get; private set; }

    /// <summary>The trials an ensemble may be built from.</summary>
    public EnsembleCandidates Candidates => _candidates;

    public int ArmCount => _arms.Count;

    /// <summary>Why the search stopped before its budget or trial limit; null when it did not.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Rows each trainer is warmed up on (see <see cref="MLNetArm.WarmUp"/>).</summary>
    public const int WarmUpRows = 200;

    /// <summary>Share of the budget warm-ups may take; trainers not warmed by then pay their first-use cost in their first trial.</summary>
    private const double WarmUpShare = 0.05;

    /// <summary>
    /// Warms the ML.NET trainers up on a few evaluation rows (spread over the classes), cheapest first, within
    /// <see cref="WarmUpShare"/> of the budget: on wide tables (text n-grams) warming the tree learners alone could
    /// take half a minute.
    /// </summary>
    public async Task WarmUpAsync(FeatureSets features, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = _experiment.EvaluationRows;
        var step = Math.Max(1, rows.Length / WarmUpRows);
        var sample = rows.Where((_, i) => i % step == 0).Take(WarmUpRows).ToArray();
        using var deadline = new CancellationTokenSource(_budget.Total * WarmUpShare, time);
        using var allowance = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        await Task.Run(() =>
        {
            var mlContext = new MLContext(_settings.Seed);
            using var registration = mlContext.CancelOn(allowance.Token);
            // One arm per trainer is enough: what is warmed is the trainer's code, whatever features it reads.
            foreach (var arm in _arms.OfType<MLNetArm>().DistinctBy(a => a.Trainer).OrderBy(a => a.Statistics.RelativeInitialCost))
            {
                if (allowance.IsCancellationRequested || !arm.WarmUp(sample, mlContext))
                {
                    break;
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task RunAsync(IExperimentMonitor? monitor, CancellationToken cancellationToken)
    {
        while (_arms.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_settings.MaxTrials is { } max && _trials.Count >= max)
            {
                break;
            }

            // Without any model yet, keep trying while any time is left; after that, stop when only the reserve is.
            if (Best is null ? _budget.Remaining <= _budget.MinimumTrial : !_budget.CanStartTrial)
            {
                break;
            }

            // No trial runs now, so what the process holds is the search's own: over the limit, every trial would be
            // stopped the moment it started.
            _memory.CollectIfGrown();
            if (_memory.Exceeded(out var used))
            {
                StopReason = $"between trials the process used {used >> 20} MB, above the memory limit of {_memory.LimitBytes >> 20} MB";
                LogMemoryStop(StopReason);
                break;
            }

            var choice = _selector.Select(_arms.Select(a => a.Statistics).ToArray());
            TrialOutcome outcome;
            using (var span = EngineTracing.Source.StartActivity("automl.trial"))
            {
                outcome = await _arms[choice.Index].RunTrialAsync(_trials.Count + 1, Best is null, cancellationToken).ConfigureAwait(false) with
                {
                    Selection = choice.Describe(),
                };
                Tag(span, outcome);
            }

            Record(outcome);
            LogTrial(outcome.Number, outcome.Trainer, Metrics.NameOf(_experiment.Metric), outcome.Score, (long)outcome.Duration.TotalMilliseconds, outcome.Error);
            if (monitor is not null)
            {
                await monitor.OnTrialCompletedAsync(outcome.ToResult(), Best?.ToResult(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Tag(Activity? span, TrialOutcome outcome)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag("automl.trial.number", outcome.Number);
        span.SetTag("automl.trainer", outcome.Trainer);
        if (outcome.Succeeded)
        {
            span.SetTag("automl.score", outcome.Score);
        }
        else
        {
            span.SetStatus(ActivityStatusCode.Error, "The trial failed.");
        }
    }

    private void Record(TrialOutcome outcome)
    {
        _trials.Add(outcome);
        if (!outcome.Succeeded)
        {
            return;
        }

        if (Best is null || outcome.Loss < Best.Loss)
        {
            Best = outcome;
        }

        if (outcome.Predictions is not null && outcome.MLNet is not null)
        {
            _candidates.Add(outcome);
        }

        // Keep back what the end will need: the best's refit, and room to refit a few ensemble partners when that is
        // cheap; dear partners are not worth search time (an ensemble then happens only if time is left over).
        var partners = _settings.EnsembleAllowed ? _candidates.Top.Where(l => l != Best).Take(3).Sum(l => l.RefitSeconds) : 0;
        partners = partners <= _budget.Total.TotalSeconds * MaxEnsembleReserveShare ? partners : 0;
        _budget.Reserve = TimeSpan.FromSeconds(Best.RefitSeconds + partners);
    }

    private List<SearchArm> BuildArms(FeatureSets? features, MemoryGuard memory, TimeProvider time)
    {
        var arms = new List<SearchArm>();
        var task = _experiment.Task;
        var folds = _experiment.Validation.Folds;
        double? unitCost = null;

        // One arm per trainer and offered featurization: a trainer on n-grams and the same trainer on sentence vectors
        // learn different things at different costs, so the selector weighs them apart.
        foreach (var (set, setIndex) in (features?.Sets ?? []).Select((s, i) => (s, i)))
        {
            var shape = new DataShape(folds[0].Train.Length, set.Data.Dimension, task == TaskKind.Binary ? 2 : _experiment.Classes,
                _experiment.NonNegativeLabel, set.Data.HasCategoricalSlots, _experiment.Deterministic, _settings.RequireOnnx, set.HasTextNgrams);
            var runner = new MLNetTrialRunner(_experiment, set, features!.HasChoice, _budget, memory, time, _settings.Seed);
            var candidates = TrainerCatalog.For(task, shape, _settings.Trainers);
            foreach (var (candidate, index) in candidates.Select((c, i) => (c, i)))
            {
                var space = candidate.CreateSpace(task, shape);
                var tuner = TunerFactory.Create(_settings.Tuner, space, Seeds.For(_settings.Seed, 1000 * (setIndex + 1) + index));
                arms.Add(new MLNetArm(candidate, space, tuner, shape, task, folds.Count, runner, features.HasChoice ? set.Label : null));
            }

            if (setIndex == 0)
            {
                var lightGbm = new LightGbmCandidate();
                unitCost = _experiment.Deterministic ? lightGbm.EstimateCost(lightGbm.CreateSpace(task, shape).Initial(), task, shape) * folds.Count : null;
            }
        }

        var external = new ExternalTrialRunner(_experiment, _budget, memory, time, _settings.Seed);
        arms.AddRange(_settings.CompetingExternalTrainers.Where(t => t.CanTrain(_experiment.Plan))
            .Select(t => new ExternalArm(t, external, _experiment.Deterministic ? unitCost ?? 1 : null)));
        return arms;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trial {TrialNumber} ({Trainer}) scored {Metric}={Score} in {ElapsedMs} ms {Error}")]
    private partial void LogTrial(int trialNumber, string trainer, string metric, double? score, long elapsedMs, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search stopped: {Reason}")]
    private partial void LogMemoryStop(string reason);
}
