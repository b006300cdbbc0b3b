using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// The judging half of a run: score the challenger and the champion (the version the alias points at) on the same
/// held-out rows of the newest dataset version, decide by the policy, and move the alias only on a win. The loser
/// stays registered, un-aliased. A promotion is audited as <c>model.promote</c> like one made through the API, with no
/// key: the pipeline run made it, and the target names the run. A run cancelled or taken over while it was judged moves
/// nothing: right before the move the caller confirms, by a write, that it still holds the run.
/// </summary>
internal sealed class ChampionChallenger(IModelRegistry registry, HoldoutScorer scorer, IAuditLog audit, TimeProvider time)
{
    /// <summary>Judges <paramref name="trained"/>; <paramref name="holdsRun"/> writes the run's heartbeat, false once the run is not this worker's.</summary>
    public async Task<PromotionDecision> DecideAsync(PipelineRun run, ModelVersionRef trained, Func<CancellationToken, Task<bool>> holdsRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holdsRun);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(trained);
        var definition = run.Definition;
        var holdout = await scorer.LoadHoldoutAsync(run, cancellationToken).ConfigureAwait(false);
        var challenger = await registry.FindVersionAsync(run.TenantId, trained.ModelName, trained.Version, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Version(trained.ModelName, trained.Version);
        var metric = definition.Metric ?? challenger.Metric;
        var evaluation = await scorer.ScoreAsync(challenger, holdout, cancellationToken).ConfigureAwait(false);
        var challengerScore = ScoreOf(evaluation, metric)
            ?? throw new UnprocessableException("challenger-not-scored", $"The challenger has no finite {Metrics.NameOf(metric)} on the held-out rows.");

        // The first version of a new model is given 'production' on registration: that is no champion to beat.
        var champion = await registry.ResolveAliasAsync(run.TenantId, definition.ModelName, definition.Alias, cancellationToken).ConfigureAwait(false);
        ScoredVersion? championScored = null;
        string? problem = null;
        if (champion is not null && champion.Version != challenger.Version)
        {
            double? score;
            (score, problem) = await ScoreChampionAsync(champion, challenger, holdout, metric, cancellationToken).ConfigureAwait(false);
            championScored = new ScoredVersion(champion.Version, score, champion.Lineage.DatasetVersion);
        }

        var decision = PromotionJudge.Decide(definition, metric, run.DatasetVersion ?? 0, evaluation.Rows,
            new ScoredVersion(challenger.Version, challengerScore, challenger.Lineage.DatasetVersion), championScored, problem);
        if (decision.Promoted && champion?.Version != challenger.Version)
        {
            // The cancel token lags a cancel by up to a heartbeat; the write does not. Once it succeeded the alias moves
            // even if the run is being stopped, so the record never contradicts the registry. The audit intent first: if
            // the process ends after the move and before the entry, recovery still records it.
            if (!await holdsRun(CancellationToken.None).ConfigureAwait(false))
            {
                throw new OperationCanceledException("The run was cancelled or taken over while it was judged; the alias stays.");
            }

            var promotion = new AuditRecord(time.GetUtcNow(), run.TenantId, KeyId: null, "model.promote",
                $"name={definition.ModelName} alias={definition.Alias} version={challenger.Version} pipeline={run.PipelineName} run={run.Id}", "success");
            var intent = await audit.BeginAsync(promotion, CancellationToken.None).ConfigureAwait(false);
            await registry.SetAliasAsync(run.TenantId, definition.ModelName, definition.Alias, challenger.Version, CancellationToken.None).ConfigureAwait(false);
            await audit.CompleteAsync(intent, promotion, CancellationToken.None).ConfigureAwait(false);
        }

        return decision;
    }

    private async Task<(double? Score, string? Problem)> ScoreChampionAsync(ModelVersion champion, ModelVersion challenger,
        Core.Tables.LoadedTable holdout, MetricKind metric, CancellationToken cancellationToken)
    {
        if (!string.Equals(champion.Label, challenger.Label, StringComparison.Ordinal) || champion.Task != challenger.Task)
        {
            return (null, $"it predicts '{champion.Label}' as a {TaskKindNames.NameOf(champion.Task)} task, the challenger '{challenger.Label}' as {TaskKindNames.NameOf(challenger.Task)}");
        }

        try
        {
            var score = ScoreOf(await scorer.ScoreAsync(champion, holdout, cancellationToken).ConfigureAwait(false), metric);
            return score is null ? (null, $"it yields no {Metrics.NameOf(metric)}") : (score, null);
        }
        catch (IncompatibleDataException ex)
        {
            return (null, ex.Message);
        }
    }

    private static double? ScoreOf(ModelEvaluation evaluation, MetricKind metric) =>
        evaluation.Metrics.TryGetValue(Metrics.NameOf(metric), out var value) && double.IsFinite(value) ? value : null;
}
