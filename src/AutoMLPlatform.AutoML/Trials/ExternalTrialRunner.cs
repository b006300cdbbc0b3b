using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Runtime;
using AutoMLPlatform.AutoML.Scores;

namespace AutoMLPlatform.AutoML.Trials;

/// <summary>
/// Runs one trial of an <see cref="IExternalTrainer"/> on the first fold (the holdout, or fold 1 of k), under the
/// same guard as ML.NET trials, and scores its model on that fold's validation rows with the engine's own metrics.
/// </summary>
internal sealed class ExternalTrialRunner(PreparedExperiment experiment, SearchBudget budget, MemoryGuard memory, TimeProvider time, int seed)
{
    public async Task<TrialOutcome> RunAsync(int number, IExternalTrainer trainer, int attempt, bool isFirst, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var fold = experiment.Validation.Folds[0];
        var growth = experiment.Table.RowCount / (double)Math.Max(1, fold.Train.Length);
        var outcome = new TrialOutcome
        {
            Number = number, Trainer = trainer.Name, Hyperparameters = new Dictionary<string, object>(), Metrics = new Dictionary<string, double>(),
            Loss = double.PositiveInfinity, Duration = TimeSpan.Zero,
        };
        await using var guard = new TrialGuard(budget, memory, time, 1, growth, mustFinishRefit: !isFirst, cancellationToken);
        try
        {
            guard.FoldStarted();
            var validation = experiment.LabelledView(fold.Validation);
            var limit = budget.Remaining - (isFirst ? TimeSpan.Zero : budget.Reserve);
            var request = new ExternalTrainingRequest(experiment.Plan, experiment.Labels, experiment.LabelledView(fold.Train), validation,
                Seeds.For(seed, number), attempt, limit > TimeSpan.Zero ? limit : TimeSpan.Zero);
            var trial = await trainer.TrainAsync(request, guard.Token).ConfigureAwait(false);
            var positions = experiment.FoldPositions[0];
            var predictions = new float[experiment.EvaluationRows.Length * experiment.PredictionWidth];
            PredictionReader.Read(trial.Model.Transform(validation), experiment.Task, experiment.Classes, predictions, positions);
            guard.FoldFinished();

            var width = experiment.PredictionWidth;
            var ordered = positions.Order().ToArray();
            var metrics = MetricsCalculator.Compute(experiment.Task, ordered.Select(p => experiment.Truth[p]).ToArray(),
                ordered.SelectMany(p => predictions.AsSpan(p * width, width).ToArray()).ToArray(), experiment.Classes);
            var score = metrics.GetValueOrDefault(Core.Modeling.Metrics.NameOf(experiment.Metric), double.NaN);
            return outcome with
            {
                Hyperparameters = trial.Hyperparameters,
                Metrics = metrics,
                Score = score,
                Loss = MetricsCalculator.Loss(experiment.Metric, score),
                Duration = time.GetElapsedTime(started),
                Error = double.IsFinite(score) ? null : $"The trial produced no finite {Core.Modeling.Metrics.NameOf(experiment.Metric)}.",
                RefitSeconds = guard.SecondsPerFold * growth * TrialGuard.RefitSafety,
                External = (trainer, trial),
            };
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The experiment was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && guard.StopReason is not null)
        {
            return outcome with { Duration = time.GetElapsedTime(started), Error = guard.StopReason };
        }
        catch (Exception ex) when (TrainerFailures.IsTrainerFailure(ex) || ex is NotSupportedException or IOException or System.Runtime.InteropServices.ExternalException)
        {
            return outcome with { Duration = time.GetElapsedTime(started), Error = TrainerFailures.Describe(ex) };
        }
    }
}
