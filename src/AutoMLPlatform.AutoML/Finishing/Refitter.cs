using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Runtime;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.AutoML.Trials;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>
/// Trains a trial's configuration again on every labelled row. The refit must end by the budget plus its small
/// grace; one that cannot is stopped and the caller keeps the trial's own model instead (trained on fewer rows,
/// but validated), so the budget holds even when a refit runs slower than its estimate.
/// </summary>
internal sealed class Refitter(PreparedExperiment experiment, FeatureSets? features, SearchBudget budget, TimeProvider time, int seed)
{
    /// <summary>The trainer part (featurized input) of an ML.NET trial fitted on all rows, or null if it could not finish in time or failed.</summary>
    /// <param name="trial">The trial to refit.</param>
    /// <param name="useGrace">True for the winner (its fallback is weaker); false for ensemble partners, which must end by the budget itself.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public Task<ITransformer?> RefitMLNetAsync(TrialOutcome trial, bool useGrace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var (candidate, configuration, shape) = trial.MLNet ?? throw new ArgumentException("Not an ML.NET trial.", nameof(trial));
        var data = features?[trial.TextFeatures].Data ?? throw new InvalidOperationException("An ML.NET trial needs featurized data.");
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        return WithDeadlineAsync(token => Task.Run<ITransformer?>(() =>
        {
            var mlContext = new MLContext(Seeds.For(seed, trial.Number, int.MaxValue));
            using var registration = mlContext.CancelOn(token);
            return LabelTransform.Fit(mlContext, candidate.CreateEstimator(mlContext, experiment.Task, configuration, shape), configuration, data, all);
        }, token), useGrace, cancellationToken);
    }

    /// <summary>An external trial's model refit on all rows by its trainer, or null if it could not finish in time or failed.</summary>
    public Task<ITransformer?> RefitExternalAsync(TrialOutcome trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var (trainer, externalTrial) = trial.External ?? throw new ArgumentException("Not an external trial.", nameof(trial));
        var limit = budget.Remaining;
        var request = new ExternalRefitRequest(externalTrial, experiment.LabelledView(), seed, limit > TimeSpan.Zero ? limit : TimeSpan.Zero);
        return WithDeadlineAsync(async token => (ITransformer?)await trainer.RefitAsync(request, token).ConfigureAwait(false), useGrace: true, cancellationToken);
    }

    private async Task<ITransformer?> WithDeadlineAsync(Func<CancellationToken, Task<ITransformer?>> refit, bool useGrace, CancellationToken cancellationToken)
    {
        var left = budget.Total + (useGrace ? budget.Grace : TimeSpan.Zero) - budget.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        using var deadline = new CancellationTokenSource(left, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await refit(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The experiment was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) || TrainerFailures.IsTrainerFailure(ex))
        {
            return null;
        }
    }
}
