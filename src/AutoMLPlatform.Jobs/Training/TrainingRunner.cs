using System.Data.Common;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Tracing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// Runs one attempt of a training job: claims the row, trains, registers the model, and records how it ended.
/// At-least-once: Hangfire or recovery may hand the same job over twice; the claim (Queued → Running, a
/// compare-and-set) lets exactly one of them work, and the lease stops a worker whose claim was taken away. A job
/// that already started <see cref="JobsOptions.MaxAttempts"/> attempts is failed with the reason instead of claimed.
/// </summary>
internal sealed partial class TrainingRunner : ITrainingRunner
{
    private readonly IJobStore _store;
    private readonly JobRows _rows;
    private readonly IJobQueue _queue;
    private readonly ModelTrainer _trainer;
    private readonly TimeProvider _time;
    private readonly JobsOptions _options;
    private readonly ILogger<TrainingRunner> _logger;

    public TrainingRunner(IJobStore store, JobRows rows, IJobQueue queue, ModelTrainer trainer, TimeProvider time, IOptions<JobsOptions> options,
        ILogger<TrainingRunner> logger)
    {
        _store = store;
        _rows = rows;
        _queue = queue;
        _trainer = trainer;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task RunAsync(JobId id, CancellationToken shutdown)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["JobId"] = id });
        var job = await _store.FindAnyAsync(id, shutdown).ConfigureAwait(false);
        if (job is null || job.Status != JobStatus.Queued)
        {
            // Checkpoint 1: someone else runs it, or it ended (cancelled while queued). Nothing to do.
            LogSkipped(id, job?.Status);
            return;
        }

        // Every line the job writes from here on, the engine's included, names its tenant and model.
        using var jobScope = _logger.BeginScope(new Dictionary<string, object> { ["Tenant"] = job.TenantId, ["ModelName"] = job.Spec.ModelName });
        using var span = JobsTracing.Source.StartActivity("job.train");
        span?.SetTag("automlplatform.job.id", id.ToString());
        span?.SetTag("automlplatform.tenant", job.TenantId.ToString());
        span?.SetTag("automlplatform.model", job.Spec.ModelName);
        span?.SetTag("automlplatform.job.attempt", job.Attempt + 1);

        var (claim, running) = await LeaseClaim.ClaimAsync(_rows, job, _time.GetUtcNow(), _options.MaxAttempts, shutdown).ConfigureAwait(false);
        if (claim != ClaimResult.Claimed)
        {
            if (claim == ClaimResult.GaveUp)
            {
                LogGaveUp(id, job.Attempt);
            }
            else
            {
                LogSkipped(id, JobStatus.Running);
            }

            return;
        }

        await using var lease = new Lease<TrainingJob>(_rows, _time, running, _options.HeartbeatInterval);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(shutdown, lease.StopRequested, lease.Lost);
        if (running.CancelRequested)
        {
            await work.CancelAsync().ConfigureAwait(false);
        }

        LogStarted(id, running.Attempt);
        try
        {
            var result = await _trainer.TrainAsync(lease, work.Token).ConfigureAwait(false);
            await lease.UpdateAsync(j => j.Succeed(_time.GetUtcNow(), result), CancellationToken.None).ConfigureAwait(false);
            LogSucceeded(id, result.ModelName, result.Version);
        }
        catch (Exception ex) when (ex is OperationCanceledException || work.IsCancellationRequested)
        {
            await EndCancelledAsync(lease, shutdown, ex).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            // Checkpoint 2a: the database failed us (a restart), not the job: queue it again to run from the start. If even
            // that write fails, the job stays running without heartbeats and recovery requeues it after the lease timeout.
            // Once it is written, the queue's delivery waits out the rest of the outage: a queued row nobody delivers stays
            // queued for good.
            LogRequeuedAfterDatabaseError(ex, id);
            await lease.UpdateAsync(j => j.Requeue(), CancellationToken.None).ConfigureAwait(false);
            await _queue.EnqueueAsync(id, shutdown).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            span.RecordFailure(ex);

            // Checkpoint 2: the failure is on our row before Hangfire sees it, so the API reports it either way.
            await lease.UpdateAsync(j => j.Fail(_time.GetUtcNow(), Describe(ex)), CancellationToken.None).ConfigureAwait(false);
            LogFailure(id, ex);
            throw;
        }
    }

    private async Task EndCancelledAsync(Lease<TrainingJob> lease, CancellationToken shutdown, Exception ex)
    {
        if (lease.Lost.IsCancellationRequested)
        {
            LogLeaseLost(lease.Current.Id);
            return;
        }

        if (lease.StopRequested.IsCancellationRequested)
        {
            await lease.UpdateAsync(j => j.Cancel(_time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
            LogCancelled(lease.Current.Id);
            return;
        }

        if (shutdown.IsCancellationRequested)
        {
            // Checkpoint 3: the process is stopping. Back to the queue, and delivered again, so another worker (or the next
            // start) runs it again.
            var id = lease.Current.Id;
            if (await lease.UpdateAsync(j => j.Requeue(), CancellationToken.None).ConfigureAwait(false))
            {
                var delivered = await ShutdownHandOver.TryAsync(token => _queue.EnqueueAsync(id, token)).ConfigureAwait(false);
                LogRequeuedOnShutdown(id, delivered);
            }

            return;
        }

        await lease.UpdateAsync(j => j.Fail(_time.GetUtcNow(), Describe(ex)), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// One line per failed job, logged here and nowhere else (Hangfire's own failure log is off): our own errors are the
    /// user's to fix and need no stack trace; anything else is a fault of ours, logged once with its trace.
    /// </summary>
    private void LogFailure(JobId id, Exception ex)
    {
        if (ex is AutoMLPlatformException)
        {
            LogFailed(id, ex.Message);
        }
        else
        {
            LogFailedUnexpectedly(ex, id);
        }
    }

    /// <summary>What the user reads on a failed job: our own errors verbatim, anything else by type and message.</summary>
    private static string Describe(Exception ex) => ex is AutoMLPlatformException
        ? ex.Message
        : $"Training failed unexpectedly ({ex.GetType().Name}): {ex.Message}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is not queued ({Status}); skipping")]
    private partial void LogSkipped(JobId jobId, JobStatus? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} already started {Attempts} attempts, none finished; it failed instead of starting again")]
    private partial void LogGaveUp(JobId jobId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started, attempt {Attempt}")]
    private partial void LogStarted(JobId jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} succeeded: model {ModelName} version {Version}")]
    private partial void LogSucceeded(JobId jobId, string modelName, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was cancelled")]
    private partial void LogCancelled(JobId jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} was taken over by another worker; this attempt stopped")]
    private partial void LogLeaseLost(JobId jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} was interrupted by shutdown and queued again (handed to the queue: {Delivered})")]
    private partial void LogRequeuedOnShutdown(JobId jobId, bool delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} lost its database mid-run; queued again")]
    private partial void LogRequeuedAfterDatabaseError(Exception exception, JobId jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed: {Reason}")]
    private partial void LogFailed(JobId jobId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed unexpectedly")]
    private partial void LogFailedUnexpectedly(Exception exception, JobId jobId);
}
