namespace AutoMLPlatform.AutoML.Search;

/// <summary>The baseline: every trainer equally likely, whatever happened so far.</summary>
internal sealed class UniformTrainerSelector(int seed) : ITrainerSelector
{
    private readonly Random _random = new(seed);

    public int Select(IReadOnlyList<ArmStatistics> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        return _random.Next(arms.Count);
    }
}
