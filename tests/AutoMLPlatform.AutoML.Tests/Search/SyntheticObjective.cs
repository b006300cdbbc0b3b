using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

/// <summary>
/// A made-up tuning problem with a known optimum, shaped like a real one: a linear value, a rate on a log scale, a
/// count on a log scale and a choice. Its loss is 0 exactly at x = 0.7, rate = 0.03, count = 100, kind = "c".
/// </summary>
internal static class SyntheticObjective
{
    public static SearchSpace Space { get; } = new(
    [
        Hyperparameter.Float("x", 0, 1, 0),
        Hyperparameter.Float("rate", 1e-4, 1, 1e-4, log: true),
        Hyperparameter.Integer("count", 1, 1000, 1, log: true),
        Hyperparameter.Choice("kind", ["a", "b", "c"]),
    ]);

    public static double Loss(Configuration c) =>
        Math.Pow(c.Float("x") - 0.7, 2)
        + Math.Pow(Math.Log10(c.Float("rate")) - Math.Log10(0.03), 2) / 16
        + Math.Pow(Math.Log10(c.Int("count")) - 2, 2) / 9
        + (c.Choice("kind") == "c" ? 0 : 0.3);

    /// <summary>The cost of a configuration grows with its count, as a tree count would.</summary>
    public static double Cost(Configuration c) => c.Int("count");

    /// <summary>The same problem where the count does not matter: dearer configurations never pay.</summary>
    public static double LossIgnoringCount(Configuration c) => Loss(c) - Math.Pow(Math.Log10(c.Int("count")) - 2, 2) / 9;

    /// <summary>Runs <paramref name="tuner"/> for <paramref name="trials"/> trials; returns the best loss and the proposals' costs in order.</summary>
    public static (double BestLoss, IReadOnlyList<double> Costs) Run(ITuner tuner, int trials, Func<Configuration, double>? loss = null)
    {
        loss ??= Loss;
        var best = double.PositiveInfinity;
        var costs = new List<double>();
        for (var i = 0; i < trials; i++)
        {
            var point = tuner.Propose();
            var configuration = Space.Decode(point);
            var value = loss(configuration);
            tuner.Update(point, value, Cost(configuration));
            best = Math.Min(best, value);
            costs.Add(Cost(configuration));
        }

        return (best, costs);
    }
}
