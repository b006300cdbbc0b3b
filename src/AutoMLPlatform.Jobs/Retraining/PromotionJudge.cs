using System.Globalization;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>Turns the scores of a challenger and a champion on the same held-out rows into a recorded decision.</summary>
internal static class PromotionJudge
{
    /// <param name="definition">The run's pipeline definition (model, alias, policy).</param>
    /// <param name="metric">The metric both were scored with.</param>
    /// <param name="datasetVersion">The dataset version whose held-out rows were scored.</param>
    /// <param name="holdoutRows">How many labelled rows were scored.</param>
    /// <param name="challenger">The challenger and its score (never null).</param>
    /// <param name="champion">The champion and its score (null score: it could not be scored); null when the alias had no other version.</param>
    /// <param name="championProblem">Why the champion could not be scored, when it could not.</param>
    public static PromotionDecision Decide(PipelineDefinition definition, MetricKind metric, int datasetVersion, int holdoutRows,
        ScoredVersion challenger, ScoredVersion? champion, string? championProblem)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(challenger);
        var policy = definition.Promotion;
        var name = Metrics.NameOf(metric);
        var rows = $"the {holdoutRows} held-out rows of dataset version {datasetVersion}";
        PromotionDecision Record(PromotionOutcome outcome, string reason, double? improvement) => new(outcome, reason, definition.ModelName,
            definition.Alias, metric, datasetVersion, holdoutRows, challenger, champion, improvement, policy.MinImprovement, policy.Improvement);

        if (champion is null)
        {
            return Record(PromotionOutcome.FirstChampion,
                $"'{definition.Alias}' pointed at no other version: version {challenger.Version} ({name} {F(challenger.Score)} on {rows}) is the champion now.", null);
        }

        if (champion.Score is not { } championScore || challenger.Score is not { } challengerScore)
        {
            return Record(PromotionOutcome.ChampionNotComparable,
                $"Champion version {champion.Version} cannot be scored on {rows} ({championProblem}), so it stays; challenger version " +
                $"{challenger.Version} scored {name} {F(challenger.Score)}. Promote it by hand if it should serve.", null);
        }

        var improvement = policy.ImprovementOf(Metrics.HigherIsBetter(metric), challengerScore, championScore);
        var margin = $"{(policy.Improvement == ImprovementKind.Relative ? "relative " : "")}improvement {F(improvement)}, at least {F(policy.MinImprovement)} asked";
        var scores = $"on {rows}, challenger version {challenger.Version} scored {name} {F(challengerScore)}, champion version {champion.Version} scored {F(championScore)}";
        return policy.Promotes(improvement)
            ? Record(PromotionOutcome.Promoted, $"Promoted: {scores} ({margin}).", improvement)
            : Record(PromotionOutcome.NotBetter, $"Kept the champion: {scores} ({margin}).", improvement);
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}
