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
/// </summary>
internal sealed class CostAwareTrainerSelector(int seed) : ITrainerSelector
{
    /// <summary>A trainer whose trials all failed is asked again this much more rarely than its spend suggests.</summary>
    private const double FailurePenalty = 10;

    private readonly Random _random = new(seed);

    public int Select(IReadOnlyList<ArmStatistics> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var eci = EstimateCosts(arms);
        if (arms.All(a => a.Trials == 0))
        {
            // Nothing measured yet: start with the cheapest trainer, deterministically.
            return Array.IndexOf(eci, eci.Min());
        }

        var weights = eci.Select(c => 1 / Math.Max(c, 1e-9)).ToArray();
        var draw = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>The ECI of every trainer, in the order given.</summary>
    public static double[] EstimateCosts(IReadOnlyList<ArmStatistics> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var tried = arms.Where(a => a.Trials > 0).ToArray();
        var unitCost = tried.Length == 0 ? 1 : tried.Min(a => a.FirstCost / a.RelativeInitialCost);
        var bestLoss = tried.Length == 0 ? double.PositiveInfinity : tried.Min(a => a.BestLoss);
        return arms.Select(a => Estimate(a, unitCost, bestLoss)).ToArray();
    }

    private static double Estimate(ArmStatistics arm, double unitCost, double bestLoss)
    {
        if (arm.Trials == 0)
        {
            return arm.RelativeInitialCost * unitCost;
        }

        if (!double.IsFinite(arm.BestLoss))
        {
            return FailurePenalty * Math.Max(arm.TotalCost, arm.LastCost);
        }

        var ownImprovement = Math.Max(Math.Max(arm.TotalCost - arm.CostAtBest, arm.CostAtBest - arm.CostAtPreviousBest), arm.LastCost);
        if (arm.BestLoss <= bestLoss)
        {
            return ownImprovement;
        }

        var gap = arm.BestLoss - bestLoss;
        var catchUp = arm.BestLoss < arm.FirstLoss && arm.CostAtBest > arm.CostAtFirstLoss
            ? gap / ((arm.FirstLoss - arm.BestLoss) / (arm.CostAtBest - arm.CostAtFirstLoss))
            : 2 * arm.TotalCost;
        return Math.Max(ownImprovement, catchUp);
    }
}
