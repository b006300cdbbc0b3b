namespace AutoMLPlatform.AutoML.Search;

/// <summary>Picks which trainer the next trial goes to.</summary>
internal interface ITrainerSelector
{
    /// <summary>The index into <paramref name="arms"/> of the trainer to try next.</summary>
    int Select(IReadOnlyList<ArmStatistics> arms);
}
