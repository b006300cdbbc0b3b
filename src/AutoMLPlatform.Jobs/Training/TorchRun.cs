using System.Threading.Channels;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Training;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// Runs a Torch trainer for a job: the (synchronous, CPU-bound) fit runs on a thread of its own while this side
/// writes each epoch to the job row (phase, best score) and, at the end, the run to the leaderboard as one trial.
/// The fit checks the job's token after every batch, so a cancel or a lost lease stops it within one batch.
/// </summary>
internal sealed class TorchRun(IJobStore store, Lease<TrainingJob> lease, MetricKind metric)
{
    public async Task<TModel> RunAsync<TModel>(string trainer, Func<IProgress<EpochReport>, TModel> fit, CancellationToken cancellationToken)
        where TModel : TorchClassifierTransformer
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
                        Phase = $"training, epoch {report.Epoch} of {report.PlannedEpochs}",
                        BestScore = report.BestMetrics.TryGetValue(Metrics.NameOf(metric), out var score) ? score : null,
                        BestTrainer = trainer,
                    },
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The fit sees the same token and stops within a batch: wait for it, so no training outlives the attempt.
            await training.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        var model = await training.ConfigureAwait(false);
        var summary = model.Training!;
        var metrics = summary.ValidationMetrics;
        var best = metrics.TryGetValue(Metrics.NameOf(metric), out var value) ? value : (double?)null;
        await store.AddTrialAsync(lease.Current.Id, lease.Current.Attempt, new TrialRecord(1, trainer, Hyperparameters(summary), best, metrics,
            summary.TrainingTime, null), cancellationToken).ConfigureAwait(false);
        await lease.UpdateAsync(job => job with
        {
            Progress = job.Progress with { Phase = "registering", TrialsDone = 1, BestScore = best, BestTrainer = trainer },
        }, cancellationToken).ConfigureAwait(false);
        return model;
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
