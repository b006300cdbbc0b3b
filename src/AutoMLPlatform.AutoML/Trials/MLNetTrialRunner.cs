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
                    var mlContext = new MLContext(Seeds.For(seed, number, f));
                    using var registration = mlContext.CancelOn(guard.Token);
                    var model = LabelTransform.Fit(mlContext, candidate.CreateEstimator(mlContext, experiment.Task, configuration, shape), configuration, features, folds[f].Train);
                    PredictionReader.Read(model.Transform(features.View(folds[f].Validation)), experiment.Task, experiment.Classes, predictions, experiment.FoldPositions[f]);
                    firstFold ??= model;
                    guard.FoldFinished();
                }
            }, guard.Token).ConfigureAwait(false);
            return Scored(outcome, predictions, folds.Count, guard, started) with { FirstFoldModel = firstFold };
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The experiment was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && guard.StopReason is not null)
        {
            // The first trial may stand on the folds it finished: better a model validated on part of the data than none.
            return isFirst && guard.FoldsDone > 0
                ? Scored(outcome, predictions, guard.FoldsDone, guard, started) with { FirstFoldModel = firstFold, Predictions = null }
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
