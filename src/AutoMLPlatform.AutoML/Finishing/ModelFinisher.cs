using System.Globalization;
using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Ensembling;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.AutoML.Trials;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>
/// Turns the search's winner into the returned model: refit the best trial on all rows (or keep its validation
/// model when the refit cannot finish in time), then, if an ensemble of the best trials validates better and its
/// other members can be refit in the time left, the ensemble instead.
/// </summary>
internal sealed class ModelFinisher(PreparedExperiment experiment, FeatureSets? features, ExperimentSettings settings, SearchBudget budget, TimeProvider time)
{
    public async Task<FinalModel> FinishAsync(SearchLoop loop, CancellationToken cancellationToken)
    {
        var best = loop.Best ?? throw new InvalidOperationException("There is no successful trial to finish.");
        var refitter = new Refitter(experiment, features, budget, time, settings.Seed);
        var mlContext = new MLContext(settings.Seed);
        var sample = experiment.UnlabelledView([0]);
        var rows = experiment.Table.RowCount;
        if (best.External is { } external)
        {
            var refitted = await refitter.RefitExternalAsync(best, cancellationToken).ConfigureAwait(false);
            var inputs = external.Trial.InputColumns ?? experiment.Table.Columns.Select(c => c.Name).Where(n => n != experiment.LabelColumn).ToArray();
            return new FinalModel(refitted ?? external.Trial.Model, best.ToResult(), experiment.InputsOf(inputs), RefitNote(refitted is not null, best), null, best.Predictions);
        }

        var sets = features ?? throw new InvalidOperationException("An ML.NET trial won without a featurizer.");
        var chainStart = sets.ChainFor(best.TextFeatures);
        var single = await refitter.RefitMLNetAsync(best, useGrace: true, cancellationToken).ConfigureAwait(false);
        var featureInputs = experiment.InputsOf(experiment.Features.Select(d => d.Name));
        var singleModel = OutputFinisher.Finish(mlContext, experiment.Task, chainStart.Append(single ?? best.FirstFoldModel!), sample);
        var choice = settings.EnsembleAllowed && single is not null ? ChooseEnsemble(loop.Candidates, best) : null;
        if (choice is not null)
        {
            var started = time.GetTimestamp();
            var members = await RefitMembersAsync(choice, best, single!, refitter, cancellationToken).ConfigureAwait(false);
            if (members is not null)
            {
                var model = EnsembleComposer.Compose(mlContext, experiment.Task, sets, members, experiment.Labels.Classes, sample);
                var name = $"Ensemble({string.Join("+", choice.Members.Select(m => m.Trial.Trainer).Distinct())})";
                var trial = new TrialResult(loop.Trials.Count + 1, name,
                    choice.Members.ToDictionary(m => $"trial {m.Trial.Number} ({m.Trial.Trainer})", m => (object)Math.Round(m.Weight, 4)),
                    choice.Score, choice.Metrics, time.GetElapsedTime(started), null);
                var note = string.Create(CultureInfo.InvariantCulture,
                    $"a weighted average of trials {string.Join(", ", choice.Members.Select(m => m.Trial.Number))}, each refit on all {rows} labelled rows");
                return new FinalModel(model, trial, featureInputs, note, trial, choice.Predictions);
            }
        }

        return new FinalModel(singleModel, best.ToResult(), featureInputs, RefitNote(single is not null, best), null, best.Predictions);
    }

    /// <summary>
    /// The better of two cross-fitted ensembles, by their honest loss: one over the best trials, one that may also
    /// blend each trainer's best. Offering more trials to the greedy choice on one half of the rows lets it fit that
    /// half's noise, so the wider pool alone sometimes validates worse than the narrow one, or no better than the best
    /// single trial; choosing between the two honest scores keeps what the wider pool gains without that loss.
    /// </summary>
    private EnsembleChoice? ChooseEnsemble(EnsembleCandidates candidates, TrialOutcome best)
    {
        var top = EnsembleSelector.Choose(experiment, candidates.Top, best.Loss, settings.Seed);
        var all = candidates.All;
        var wide = all.Count > candidates.Top.Count ? EnsembleSelector.Choose(experiment, all, best.Loss, settings.Seed) : null;
        return wide is not null && (top is null || wide.Loss < top.Loss) ? wide : top;
    }

    /// <summary>Every member refit on all rows, the best's refit reused; null when the time left cannot cover them.</summary>
    private async Task<IReadOnlyList<(ITransformer Model, double Weight, TextFeatures Text)>?> RefitMembersAsync(EnsembleChoice choice, TrialOutcome best, ITransformer bestRefit,
        Refitter refitter, CancellationToken cancellationToken)
    {
        var others = choice.Members.Where(m => m.Trial != best).ToArray();
        if (others.Sum(m => m.Trial.RefitSeconds) > budget.Remaining.TotalSeconds)
        {
            return null;
        }

        var models = new List<(ITransformer, double, TextFeatures)>();
        foreach (var (trial, weight) in choice.Members)
        {
            var model = trial == best ? bestRefit : await refitter.RefitMLNetAsync(trial, useGrace: false, cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return null;
            }

            models.Add((model, weight, trial.TextFeatures));
        }

        return models;
    }

    private string RefitNote(bool refitted, TrialOutcome best) => refitted
        ? string.Create(CultureInfo.InvariantCulture, $"trial {best.Number} refit on all {experiment.Table.RowCount} labelled rows")
        : string.Create(CultureInfo.InvariantCulture,
            $"the refit of trial {best.Number} on all rows could not finish within the budget; this is its model from validation, trained on {experiment.Validation.Folds[0].Train.Length} rows");
}
