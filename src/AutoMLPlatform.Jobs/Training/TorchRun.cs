using System.Threading.Channels;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// Runs a Torch trainer for a job: the (synchronous, CPU-bound) fit runs on a thread of its own while this side
/// writes each epoch to the job row (phase, best score) and, at the end, the run to the leaderboard as one trial (an
/// image search: one trial per candidate it trained).
/// The fit checks the job's token after every batch, so a cancel or a lost lease stops it within one batch.
/// </summary>
internal sealed class TorchRun(IJobStore store, Lease<TrainingJob> lease, MetricKind metric)
{
    public async Task<TModel> RunAsync<TModel>(string trainer, Func<IProgress<EpochReport>, TModel> fit, CancellationToken cancellationToken)
        where TModel : TorchClassifierTransformer
    {
        var model = await FitAsync(trainer, fit, static m => m.Dispose(), cancellationToken).ConfigureAwait(false);
        await RecordAsync([new TrainingCandidate(trainer, model.Training!)], 0, cancellationToken).ConfigureAwait(false);
        return model;
    }

    /// <summary>Runs an image search: every candidate it trained is a trial on the leaderboard, the chosen one marked best.</summary>
    public async Task<ImageSearchResult> RunSearchAsync(Func<IProgress<EpochReport>, ImageSearchResult> search, CancellationToken cancellationToken)
    {
        var result = await FitAsync(ImageSearch.ScratchTrainer, search, static r => r.Best.Dispose(), cancellationToken).ConfigureAwait(false);
        var chosen = result.Candidates.Select((c, i) => (c, i)).Last(x => ReferenceEquals(x.c.Summary, result.Best.Training)).i;
        await RecordAsync(result.Candidates, chosen, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<TResult> FitAsync<TResult>(string trainer, Func<IProgress<EpochReport>, TResult> fit, Action<TResult> dispose, CancellationToken cancellationToken)
    {
        var reports = Channel.CreateUnbounded<EpochReport>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // Not started with the token: a task cancelled before it runs would never complete the channel. The fit checks
        // the token itself, after every batch.
        var training = Task.Factory.StartNew(() =>
        {
            try
            {
                return fit(new ChannelProgress(reports.Writer));
            }
            finally
            {
                reports.Writer.Complete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var report in reports.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await lease.UpdateAsync(job => job with
                {
                    Progress = job.Progress with
                    {
                        Phase = JobPhase.Training,
                        Epoch = report.Epoch,
                        PlannedEpochs = report.PlannedEpochs,
                        BestScore = report.BestMetrics.TryGetValue(Metrics.NameOf(metric), out var score) ? score : null,
                        BestTrainer = trainer,
                    },
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The fit sees the same token and stops within a batch: wait for it, so no training outlives the attempt.
            await training.ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    dispose(t.Result);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        return await training.ConfigureAwait(false);
    }

    /// <summary>One trial per candidate, numbered in training order; the job's best score is the <paramref name="chosen"/> one's.</summary>
    private async Task RecordAsync(IReadOnlyList<TrainingCandidate> candidates, int chosen, CancellationToken cancellationToken)
    {
        var name = Metrics.NameOf(metric);
        for (var i = 0; i < candidates.Count; i++)
        {
            var summary = candidates[i].Summary;
            var score = summary.ValidationMetrics.TryGetValue(name, out var value) ? value : (double?)null;
            await store.AddTrialAsync(lease.Current.Id, lease.Current.Attempt, new TrialRecord(i + 1, candidates[i].Trainer, Hyperparameters(summary), score,
                summary.ValidationMetrics, summary.TrainingTime, null), cancellationToken).ConfigureAwait(false);
        }

        var best = candidates[chosen].Summary.ValidationMetrics.TryGetValue(name, out var bestValue) ? bestValue : (double?)null;
        await lease.UpdateAsync(job => job with
        {
            Progress = job.Progress.In(JobPhase.Registering) with { TrialsDone = candidates.Count, BestScore = best, BestTrainer = candidates[chosen].Trainer },
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, object> Hyperparameters(TrainingSummary summary) => new(summary.Settings ?? new Dictionary<string, object>())
    {
        ["epochs"] = summary.Epochs,
        ["best_epoch"] = summary.BestEpoch,
        ["stopped_because"] = summary.StoppedBecause,
        ["samples_per_second"] = Math.Round(summary.SamplesPerSecond, 1),
    };

    private sealed class ChannelProgress(ChannelWriter<EpochReport> writer) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => writer.TryWrite(value);
    }
}
