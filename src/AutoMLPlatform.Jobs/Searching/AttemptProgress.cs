using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Training;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>A fanned-out job's progress, counted from the leaderboard that all of its parts write.</summary>
internal static class AttemptProgress
{
    public static async Task RefreshAsync(IJobStore store, Lease<TrainingJob> lease, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        var trials = await store.ListTrialsAsync(job.Id, job.Attempt, cancellationToken).ConfigureAwait(false);
        var best = job.Progress.Metric is { } metric ? Best(trials, metric) : null;
        await lease.UpdateAsync(j => j with
        {
            Progress = j.Progress with { TrialsDone = trials.Count, BestScore = best?.Score, BestTrainer = best?.Trainer },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The best scored trial for <paramref name="metric"/>, or null when none has a score.</summary>
    public static TrialRecord? Best(IEnumerable<TrialRecord> trials, MetricKind metric)
    {
        var sign = Metrics.HigherIsBetter(metric) ? 1 : -1;
        return trials.Where(t => t.Error is null && t.Score is { } s && double.IsFinite(s)).MaxBy(t => sign * t.Score!.Value);
    }
}
