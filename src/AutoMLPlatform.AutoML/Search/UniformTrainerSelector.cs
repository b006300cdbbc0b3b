namespace AutoMLPlatform.AutoML.Search;

/// <summary>The baseline: every trainer equally likely, whatever happened so far.</summary>
internal sealed class UniformTrainerSelector(int seed) : ITrainerSelector
{
    private readonly Random _random = new(seed);

    public TrainerChoice Select(IReadOnlyList<ArmStatistics> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        return new TrainerChoice(_random.Next(arms.Count), 1.0 / arms.Count, double.NaN, "uniform draw (random search)");
    }
}
