using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Runtime;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Trainers;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trials;

/// <summary>
/// Runs one ML.NET trial: for each fold, a fresh seeded <c>MLContext</c> (a cancelled context stays cancelled),
/// fit on the fold's featurized training rows, score its validation rows into the trial's predictions; then the
/// metrics over all evaluation rows. A <see cref="TrialGuard"/> stops it on budget or memory. Trials read one featurization's
/// rows; when several are offered, the leaderboard shows which among the hyperparameters (<c>textFeatures</c>).
/// </summary>
internal sealed class MLNetTrialRunner(PreparedExperiment experiment, FeatureSet set, bool showFeatures, SearchBudget budget, MemoryGuard memory, TimeProvider time,
    int seed)
{
    private readonly FeaturizedData features = set.Data;

    /// <summary>The featurized rows this runner's trials read.</summary>
    public FeaturizedData Features => features;

    public async Task<TrialOutcome> RunAsync(int number, TrainerCandidate candidate, Configuration configuration, DataShape shape,
        bool isFirst, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var folds = experiment.Validation.Folds;
        var growth = experiment.Validation.RefitGrowth(experiment.Table.RowCount);
        var predictions = new float[experiment.EvaluationRows.Length * experiment.PredictionWidth];
        ITransformer? firstFold = null;
        var roundsKept = new int?[folds.Count];
        var outcome = new TrialOutcome
        {
            Number = number, Trainer = candidate.Name, Hyperparameters = Display(configuration), Metrics = new Dictionary<string, double>(),
            Loss = double.PositiveInfinity, Duration = TimeSpan.Zero, MLNet = (candidate, configuration, shape), TextFeatures = set.Text,
        };
        await using var guard = new TrialGuard(budget, memory, time, folds.Count, growth, mustFinishRefit: !isFirst, cancellationToken);
        try
        {
            await Task.Run(() =>
            {
                for (var f = 0; f < folds.Count; f++)
                {
                    guard.FoldStarted();
                    var model = FitFold(number, f, candidate, configuration, shape, watch: true, guard.Token, out roundsKept[f]);
                    PredictionReader.Read(model.Transform(features.View(folds[f].Validation)), experiment.Task, experiment.Classes, predictions, experiment.FoldPositions[f]);
                    firstFold ??= model;
                    guard.FoldFinished();
                }

                // Each early-stopped fold kept the rounds best on the very rows it is scored on, which flatters it (on
                // small folds by a lot). The refit trains the folds' mean, so every fold that kept another count is
                // trained again at the mean and scored as the model the refit will make, as boosting libraries'
                // cross-validation picks one round count for all folds. No fold stopped early: nothing to redo.
                if (MeanRounds(roundsKept) is { } rounds)
                {
                    var common = candidate.WithRounds(configuration, rounds);
                    for (var f = 0; f < folds.Count; f++)
                    {
                        if (roundsKept[f] != rounds)
                        {
                            var model = FitFold(number, f, candidate, common, shape, watch: false, guard.Token, out _);
                            PredictionReader.Read(model.Transform(features.View(folds[f].Validation)), experiment.Task, experiment.Classes, predictions, experiment.FoldPositions[f]);
                            firstFold = f == 0 ? model : firstFold;
                        }
                    }
                }
            }, guard.Token).ConfigureAwait(false);
            return RefitWithRoundsKept(Scored(outcome, predictions, folds.Count, guard, started), roundsKept, folds.Count) with { FirstFoldModel = firstFold };
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The experiment was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && guard.StopReason is not null)
        {
            // The first trial may stand on the folds it finished: better a model validated on part of the data than none.
            return isFirst && guard.FoldsDone > 0
                ? RefitWithRoundsKept(Scored(outcome, predictions, guard.FoldsDone, guard, started), roundsKept, guard.FoldsDone) with { FirstFoldModel = firstFold, Predictions = null }
                : outcome with { Duration = time.GetElapsedTime(started), Error = guard.StopReason };
        }
        catch (Exception ex) when (TrainerFailures.IsTrainerFailure(ex))
        {
            return outcome with { Duration = time.GetElapsedTime(started), Error = TrainerFailures.Describe(ex) };
        }
    }

    private IReadOnlyDictionary<string, object> Display(Configuration configuration)
    {
        var shown = configuration.ToDisplay();
        return showFeatures ? new Dictionary<string, object>(shown) { ["textFeatures"] = set.Label } : shown;
    }

    /// <summary>
    /// Fits fold <paramref name="fold"/>'s training rows: if <paramref name="watch"/> and the trainer stops early,
    /// watching its validation rows (<paramref name="roundsKept"/> then says how many rounds the model kept); as
    /// configured otherwise.
    /// </summary>
    private ITransformer FitFold(int number, int fold, TrainerCandidate candidate, Configuration configuration, DataShape shape, bool watch, CancellationToken stop,
        out int? roundsKept)
    {
        var rows = experiment.Validation.Folds[fold];
        var mlContext = new MLContext(Seeds.For(seed, number, fold));
        using var registration = mlContext.CancelOn(stop);
        var early = watch
            ? candidate.CreateEarlyStopping(mlContext, experiment.Task, configuration, shape, LabelTransform.TrainingView(features, configuration, rows.Validation))
            : null;
        var model = LabelTransform.Fit(mlContext, early?.Estimator ?? candidate.CreateEstimator(mlContext, experiment.Task, configuration, shape), configuration, features, rows.Train);
        roundsKept = early?.RoundsKept;
        return model;
    }

    /// <summary>The mean of the rounds the folds kept, or null when none stopped early.</summary>
    private static int? MeanRounds(IEnumerable<int?> roundsKept)
    {
        var kept = roundsKept.OfType<int>().ToArray();
        return kept.Length == 0 ? null : Math.Max(1, (int)Math.Round(kept.Average()));
    }

    /// <summary>
    /// An early-stopped trial (<see cref="EarlyStopping"/>) is refit with the mean of the rounds its folds kept, shown on
    /// the leaderboard as <c>roundsKept</c>; any other trial as it ran.
    /// </summary>
    private static TrialOutcome RefitWithRoundsKept(TrialOutcome outcome, int?[] roundsKept, int foldsDone)
    {
        if (MeanRounds(roundsKept.Take(foldsDone)) is not { } rounds || outcome.MLNet is not var (candidate, configuration, shape))
        {
            return outcome;
        }

        return outcome with
        {
            Hyperparameters = new Dictionary<string, object>(outcome.Hyperparameters, StringComparer.Ordinal) { ["roundsKept"] = rounds },
            MLNet = (candidate, candidate.WithRounds(configuration, rounds), shape),
        };
    }

    /// <summary>Metrics over the validation rows of the first <paramref name="foldsDone"/> folds.</summary>
    private TrialOutcome Scored(TrialOutcome outcome, float[] predictions, int foldsDone, TrialGuard guard, long started)
    {
        var width = experiment.PredictionWidth;
        float[] truth, predicted;
        if (foldsDone == experiment.Validation.Folds.Count)
        {
            (truth, predicted) = (experiment.Truth, predictions);
        }
        else
        {
            var positions = experiment.FoldPositions.Take(foldsDone).SelectMany(p => p).Order().ToArray();
            truth = positions.Select(p => experiment.Truth[p]).ToArray();
            predicted = positions.SelectMany(p => predictions.AsSpan(p * width, width).ToArray()).ToArray();
        }

        var metrics = MetricsCalculator.Compute(experiment.Task, truth, predicted, experiment.Classes);
        var score = metrics.GetValueOrDefault(Core.Modeling.Metrics.NameOf(experiment.Metric), double.NaN);
        return outcome with
        {
            Metrics = metrics,
            Score = score,
            Loss = MetricsCalculator.Loss(experiment.Metric, score),
            Duration = time.GetElapsedTime(started),
            Error = double.IsFinite(score) ? null : $"The trial produced no finite {Core.Modeling.Metrics.NameOf(experiment.Metric)}.",
            Predictions = predictions,
            RefitSeconds = guard.SecondsPerFold * experiment.Validation.RefitGrowth(experiment.Table.RowCount) * TrialGuard.RefitSafety,
        };
    }
}
