using System.Globalization;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// Picks a trainer with probability inversely proportional to its estimated cost for improvement (ECI), after
/// FLAML (Wang et al., MLSys 2021). For a trainer that has run: ECI₁ = max(K0 − K1, K1 − K2), the cost it took
/// lately to improve its own best (at least its last trial's cost); if it is not the overall best, ECI₂ = the gap to
/// the overall best divided by its speed of improvement so far (from its first result to its best), and
/// ECI = max(ECI₁, ECI₂). The speed is taken over the whole run rather than the last step alone: one tiny last
/// improvement would otherwise make a trainer that is catching up fast look hopeless. A trainer not yet tried
/// costs its starting configuration, estimated from its relative cost and what the tried trainers' starts cost.
/// So cheap trainers that keep improving get most trials, expensive ones are tried once they are worth it, and a
/// trainer that stopped improving fades without being excluded.
/// <para>
/// A trainer that still trails the leader by a wide margin after its first few trials (its shortfall from a perfect
/// score more than <see cref="TrailingMargin"/> worse, relatively) has its ECI multiplied by the square of how many
/// margins it trails by: a fast first improvement from a poor start (a linear learner's first iterations) would
/// otherwise keep buying it trials it cannot win, while trees were far ahead.
/// </para>
/// </summary>
internal sealed class CostAwareTrainerSelector(int seed, LossScale scale) : ITrainerSelector
{
    /// <summary>A trainer whose trials all failed is asked again this much more rarely than its spend suggests.</summary>
    private const double FailurePenalty = 10;

    /// <summary>Trials a trainer gets before trailing the leader can cut its chances.</summary>
    public const int TrailingAfterTrials = 3;

    /// <summary>A trainer whose shortfall is more than this share worse than the leader's trails by a wide margin.</summary>
    public const double TrailingMargin = 0.1;

    /// <summary>Leaders this close to a perfect score are compared as if they were this far from it.</summary>
    private const double ShortfallFloor = 0.01;

    private const double MaxTrailingPenalty = 10_000;

    private readonly Random _random = new(seed);

    public TrainerChoice Select(IReadOnlyList<ArmStatistics> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var estimates = Estimate(arms);
        var weights = estimates.Select(e => 1 / Math.Max(e.Cost, 1e-9)).ToArray();
        var total = weights.Sum();
        int chosen;
        if (arms.All(a => a.Trials == 0))
        {
            // Nothing measured yet: start with the cheapest trainer, deterministically.
            chosen = Array.IndexOf(weights, weights.Max());
            return new TrainerChoice(chosen, 1, estimates[chosen].Cost, "the cheapest trainer to start the search with");
        }

        chosen = weights.Length - 1;
        var draw = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                chosen = i;
                break;
            }
        }

        return new TrainerChoice(chosen, weights[chosen] / total, estimates[chosen].Cost, estimates[chosen].Reason);
    }

    /// <summary>The ECI of every trainer, in the order given.</summary>
    public double[] EstimateCosts(IReadOnlyList<ArmStatistics> arms) => Estimate(arms).Select(e => e.Cost).ToArray();

    private (double Cost, string Reason)[] Estimate(IReadOnlyList<ArmStatistics> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var tried = arms.Where(a => a.Trials > 0).ToArray();
        var unitCost = tried.Length == 0 ? 1 : tried.Min(a => a.FirstCost / a.RelativeInitialCost);
        var bestLoss = tried.Length == 0 ? double.PositiveInfinity : tried.Min(a => a.BestLoss);
        return arms.Select(a => Estimate(a, unitCost, bestLoss)).ToArray();
    }

    private (double Cost, string Reason) Estimate(ArmStatistics arm, double unitCost, double bestLoss)
    {
        if (arm.Trials == 0)
        {
            return (arm.RelativeInitialCost * unitCost, "not tried yet; its start is costed from the tried trainers' starts");
        }

        if (!double.IsFinite(arm.BestLoss))
        {
            return (FailurePenalty * Math.Max(arm.TotalCost, arm.LastCost), $"all {arm.Trials} of its trials failed, so it is asked {FailurePenalty}× more rarely");
        }

        var ownImprovement = Math.Max(Math.Max(arm.TotalCost - arm.CostAtBest, arm.CostAtBest - arm.CostAtPreviousBest), arm.LastCost);
        if (arm.BestLoss <= bestLoss)
        {
            return (ownImprovement, "leads the search; costed by how long its own last improvements took");
        }

        var gap = arm.BestLoss - bestLoss;
        var catchUp = arm.BestLoss < arm.FirstLoss && arm.CostAtBest > arm.CostAtFirstLoss
            ? gap / ((arm.FirstLoss - arm.BestLoss) / (arm.CostAtBest - arm.CostAtFirstLoss))
            : 2 * arm.TotalCost;
        var cost = Math.Max(ownImprovement, catchUp);
        var gapText = string.Create(CultureInfo.InvariantCulture, $"trails the best by {gap:0.####} {scale.MetricName}");
        var trailing = scale.Shortfall(arm.BestLoss) / Math.Max(scale.Shortfall(bestLoss), ShortfallFloor) - 1;
        if (arm.Trials >= TrailingAfterTrials && trailing > TrailingMargin)
        {
            var penalty = Math.Min(Math.Pow(trailing / TrailingMargin, 2), MaxTrailingPenalty);
            return (cost * penalty, string.Create(CultureInfo.InvariantCulture,
                $"{gapText} ({trailing * 100:0} % further from perfect) after {arm.Trials} trials, so its chance is cut {penalty:0.#}×"));
        }

        return (cost, $"{gapText}; costed by how fast it has been closing the gap");
    }
}
