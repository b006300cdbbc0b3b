using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.AutoML.Trials;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// An ML.NET trainer in the search: its tuner proposes, the trial runner trains and scores, the tuner and the
/// trainer's statistics learn the loss and the cost (measured seconds, or the trainer's own estimate when the run
/// must repeat exactly: timings never do). With several featurizations offered, each trainer has one arm per
/// featurization, named after both.
/// </summary>
internal sealed class MLNetArm(TrainerCandidate candidate, SearchSpace space, ITuner tuner, DataShape shape, TaskKind task, int folds, MLNetTrialRunner runner,
    string? featuresLabel = null)
    : SearchArm(new ArmStatistics(featuresLabel is null ? candidate.Name : $"{candidate.Name} ({featuresLabel})", candidate.RelativeInitialCost(task, shape)))
{
    /// <summary>The trainer's name.</summary>
    public string Trainer => candidate.Name;

    /// <summary>
    /// Fits the trainer's starting configuration once on a few rows, outside any trial. The first fit of each
    /// trainer in a process pays for JIT compilation and native library loading, often far more than the fit; left
    /// in the first trial, that cost would convince the trainer selector the trainer is expensive.
    /// </summary>
    /// <returns>False when the warm-up was stopped (its context cancelled): warm no more trainers.</returns>
    public bool WarmUp(IReadOnlyList<int> rows, MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sample = runner.Features.View(rows);
        try
        {
            var model = candidate.CreateEstimator(mlContext, task, space.Initial(), shape).Fit(sample);
            using var cursor = model.Transform(sample).GetRowCursor(model.Transform(sample).Schema);
            while (cursor.MoveNext())
            {
            }

            return true;
        }
        catch (Exception ex) when (Runtime.MLContextCancellation.IsCancellation(ex))
        {
            return false;
        }
        catch (Exception ex) when (TrainerFailures.IsTrainerFailure(ex))
        {
            // A trainer that cannot fit a tiny sample may still fit the real folds; its first trial will tell.
            return true;
        }
    }

    public override async Task<TrialOutcome> RunTrialAsync(int number, bool isFirst, CancellationToken cancellationToken)
    {
        var point = tuner.Propose();
        var configuration = space.Decode(point);
        var outcome = await runner.RunAsync(number, candidate, configuration, shape, isFirst, cancellationToken).ConfigureAwait(false);
        var cost = shape.Deterministic ? candidate.EstimateCost(configuration, task, shape) * folds : outcome.Duration.TotalSeconds;
        tuner.Update(point, outcome.Loss, cost);
        Statistics.Record(outcome.Loss, cost);
        return outcome;
    }
}
