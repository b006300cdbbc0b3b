using System.Data.Common;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.FanOut;
using AutoMLPlatform.Jobs.Leasing;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>
/// Writes each finished trial to the job's leaderboard and, where this run holds the job (<paramref name="lease"/>),
/// the plan and the best-so-far into its progress. A part of a fanned-out job numbers its trials so that the parts'
/// numbers interleave, and the progress then counts every part's trials, read back from the leaderboard.
/// </summary>
internal sealed class LeaderboardMonitor(IJobStore store, JobId jobId, int attempt, Lease<TrainingJob>? lease, SearchShare share) : IExperimentMonitor
{
    private int _trials;

    public LeaderboardMonitor(IJobStore store, Lease<TrainingJob> lease)
        : this(store, lease.Current.Id, lease.Current.Attempt, lease, SearchShare.Whole(lease.Current.Spec))
    {
    }

    public Task OnPlannedAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (lease is null)
        {
            return Task.CompletedTask;
        }

        return lease.UpdateAsync(job => job with
        {
            Progress = job.Progress with
            {
                Phase = JobPhase.Searching,
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
            await store.AddTrialAsync(jobId, attempt, new TrialRecord(share.LeaderboardNumber(trial.Number), trial.Trainer,
                trial.Hyperparameters, trial.Score, trial.Metrics, trial.Duration, trial.Error, trial.Selection), cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                return;
            }

            if (share.Count == 1)
            {
                await lease.UpdateAsync(job => job with
                {
                    Progress = job.Progress with { TrialsDone = done, BestScore = best?.Score, BestTrainer = best?.Trainer },
                }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AttemptProgress.RefreshAsync(store, lease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException)
        {
            // The database is away for a moment: this trial misses the leaderboard, the search goes on. The model is
            // registered at the end, when it must be back (or the job is queued again).
        }
    }
}
