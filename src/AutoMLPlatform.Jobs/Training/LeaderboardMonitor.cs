using System.Data.Common;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>Writes each finished trial to the job's leaderboard and the best-so-far into its progress.</summary>
internal sealed class LeaderboardMonitor(IJobStore store, JobLease lease) : IExperimentMonitor
{
    private int _trials;

    public Task OnPlannedAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return lease.UpdateAsync(job => job with
        {
            Progress = job.Progress with
            {
                Phase = "searching",
                Task = plan.Task,
                Metric = plan.Metric,
                Validation = plan.Validation,
                Columns = plan.Columns.Select(c => new ColumnNote(c.Name, c.Role.ToString().ToLowerInvariant(), c.Reason)).ToArray(),
            },
        }, cancellationToken);
    }

    public async Task OnTrialCompletedAsync(TrialResult trial, TrialResult? best, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var done = Interlocked.Increment(ref _trials);
        try
        {
            await store.AddTrialAsync(lease.Current.Id, lease.Current.Attempt, new TrialRecord(trial.Number, trial.Trainer,
                trial.Hyperparameters, trial.Score, trial.Metrics, trial.Duration, trial.Error), cancellationToken).ConfigureAwait(false);
            await lease.UpdateAsync(job => job with
            {
                Progress = job.Progress with { TrialsDone = done, BestScore = best?.Score, BestTrainer = best?.Trainer },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The database is away for a moment: this trial misses the leaderboard, the search goes on. The model is
            // registered at the end, when it must be back (or the job is queued again).
        }
    }
}
