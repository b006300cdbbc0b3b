using AutoMLPlatform.AutoML.Trials;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>One trainer competing in the search: it runs its next trial and learns from it.</summary>
internal abstract class SearchArm(ArmStatistics statistics)
{
    public ArmStatistics Statistics { get; } = statistics;

    public abstract Task<TrialOutcome> RunTrialAsync(int number, bool isFirst, CancellationToken cancellationToken);
}
