
namespace AutoMLPlatform.AutoML.Planning;

/// <summary>Told about each trial as it ends, so a job can show progress and a live leaderboard.</summary>
public interface IExperimentMonitor
{
    /// <summary>Called once, after inference and before the first trial.</summary>
    Task OnPlannedAsync(ExperimentPlan plan, CancellationToken cancellationToken);

    Task OnTrialCompletedAsync(TrialResult trial, TrialResult? best, CancellationToken cancellationToken);
}
