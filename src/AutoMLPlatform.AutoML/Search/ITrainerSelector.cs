namespace AutoMLPlatform.AutoML.Search;

/// <summary>Picks which trainer the next trial goes to.</summary>
internal interface ITrainerSelector
{
    /// <summary>The trainer to try next (an index into <paramref name="arms"/>), with its chance and the reason.</summary>
    TrainerChoice Select(IReadOnlyList<ArmStatistics> arms);
}
