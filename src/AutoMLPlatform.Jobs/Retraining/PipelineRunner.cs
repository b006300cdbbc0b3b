using System.Data.Common;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// Runs a pipeline run: claims the row, then tries (train a challenger, judge it against the champion) until a try
/// succeeds or the policy's retries are spent. At-least-once, like training jobs: the claim (Queued → Running, a
/// compare-and-set) lets one worker run it, and the lease stops a worker whose claim was taken away. A failed try
/// leaves the champion where it was. A database outage is not a failed try: the try is made again once the database
/// answers, while the lease's heartbeats (which ride out the outage) keep recovery from handing the run to another worker.
/// </summary>
internal sealed partial class PipelineRunner(IPipelineStore store, PipelineRunRows rows, IPipelineRunQueue queue, ChallengerTraining training,
    ChampionChallenger judge, JobCanceller jobs, TimeProvider time, IOptions<JobsOptions> options, ILogger<PipelineRunner> logger) : IPipelineRunner
{
    public async Task RunAsync(PipelineRunId id, CancellationToken shutdown)
    {
        var run = await store.FindRunAnyAsync(id, shutdown).ConfigureAwait(false);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PipelineRunId"] = id, ["Pipeline"] = run?.PipelineName ?? "" });
        if (run is not { Status: PipelineRunStatus.Queued })
        {
            // Checkpoint 1: another worker runs it, or it ended. Nothing to do.
            LogSkipped(id, run?.Status);
            return;
        }

        var (claim, running) = await LeaseClaim.ClaimAsync(rows, run, time.GetUtcNow(), options.Value.MaxAttempts, shutdown).ConfigureAwait(false);
        if (claim != ClaimResult.Claimed)
        {
            LogSkipped(id, claim == ClaimResult.GaveUp ? PipelineRunStatus.Failed : PipelineRunStatus.Running);
            return;
        }

        await using var lease = new Lease<PipelineRun>(rows, time, running, options.Value.HeartbeatInterval);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(shutdown, lease.Lost);
        LogStarted(id, running.PipelineName, running.Attempt);
        try
        {
            await TryUntilDoneAsync(lease, work.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            if (lease.Lost.IsCancellationRequested)
            {
                await StopLostAsync(lease).ConfigureAwait(false);
                return;
            }

            // Checkpoint 2: the process is stopping. Back to the queue with its current job, and delivered again, so another
            // worker (or the next start) resumes it.
            if (await lease.UpdateAsync(r => r.Requeue(), CancellationToken.None).ConfigureAwait(false))
            {
                var delivered = await ShutdownHandOver.TryAsync(token => queue.EnqueueAsync(id, token)).ConfigureAwait(false);
                LogRequeuedOnShutdown(id, delivered);
            }
        }
    }

    private async Task TryUntilDoneAsync(Lease<PipelineRun> lease, CancellationToken cancellationToken)
    {
        var policy = lease.Current.Definition.Promotion;
        while (true)
        {
            DateTimeOffset retryAt;
            try
            {
                var decision = await TryOnceAsync(lease, cancellationToken).ConfigureAwait(false);
                await RecordDecisionAsync(lease, decision, cancellationToken).ConfigureAwait(false);
                LogDecided(lease.Current.Id, decision.Outcome, decision.Reason);
                return;
            }
            catch (ChallengerCancelledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A person cancelled the training job (or the run, through it): the run stops here, with no retry, and the
                // Hangfire job ends without an error, so nothing tries it again either.
                await lease.UpdateAsync(r => r.Cancel(time.GetUtcNow(), ex.Message), CancellationToken.None).ConfigureAwait(false);
                LogCancelled(lease.Current.Id, ex.Message);
                return;
            }
            catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The database is away (a restart), not the run at fault: try again when it answers, without counting a
                // failure. A resumed try carries on with the job it had started. Should the outage outlast the lease,
                // recovery requeues the run and this worker's next write finds the lease lost.
                LogDatabaseAway(lease.Current.Id, ex.Message);
                retryAt = time.GetUtcNow() + options.Value.HeartbeatInterval * 5;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The retry boundary of the policy: whatever made this try fail is recorded on the run, and the champion
                // was not touched (the alias moves only as the very last step of a successful try). The next try is due
                // a fixed time after the failure, not after whenever the wait below begins.
                retryAt = time.GetUtcNow() + policy.RetryDelay;
                await lease.UpdateAsync(r => r.RecordFailure(Describe(ex)), CancellationToken.None).ConfigureAwait(false);
                if (lease.Current.Failures > policy.Retries)
                {
                    await lease.UpdateAsync(r => r.Fail(time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);

                    // One line with the reason, as for every try before: a training job that failed logged its own line
                    // (with the trace, if the fault was ours), and Hangfire's failure log is off.
                    LogFailed(lease.Current.Id, lease.Current.Failures, Describe(ex));
                    throw;
                }

                LogRetrying(lease.Current.Id, lease.Current.Failures, policy.RetryDelay, Describe(ex));
            }

            var wait = retryAt - time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The row moved on without this worker. When the run was cancelled (or its pipeline deleted), the job this worker
    /// started is cancelled too: the cancel may have raced the write that recorded the job, and a job left queued would
    /// be trained by the next start.
    /// </summary>
    private async Task StopLostAsync(Lease<PipelineRun> lease)
    {
        var stored = await store.FindRunAnyAsync(lease.Current.Id, CancellationToken.None).ConfigureAwait(false);
        if (stored is not null && stored.Status != PipelineRunStatus.Cancelled)
        {
            LogLeaseLost(lease.Current.Id);
            return;
        }

        if (lease.Current.JobId is { } job)
        {
            await jobs.TryCancelAsync(lease.Current.TenantId, job, CancellationToken.None).ConfigureAwait(false);
        }

        LogCancelled(lease.Current.Id, stored?.Error ?? "its pipeline was deleted");
    }

    /// <summary>
    /// Writes the decision, waiting out a database outage: the alias may already have moved, so the try must not be
    /// made again (it would judge the new champion against itself).
    /// </summary>
    private async Task RecordDecisionAsync(Lease<PipelineRun> lease, PromotionDecision decision, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await lease.UpdateAsync(r => r.Succeed(time.GetUtcNow(), decision), CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (DbException ex)
            {
                LogDatabaseAway(lease.Current.Id, ex.Message);
                await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<PromotionDecision> TryOnceAsync(Lease<PipelineRun> lease, CancellationToken cancellationToken)
    {
        // A run resumed after a restart carries on with the job it had started, instead of training a second one.
        if (lease.Current.JobId is null)
        {
            var job = await training.CreateJobAsync(lease.Current, cancellationToken).ConfigureAwait(false);
            if (!await lease.UpdateAsync(r => r.WithJob(job.Id, job.Spec.DatasetId, job.Spec.DatasetVersion), cancellationToken).ConfigureAwait(false))
            {
                // The run was cancelled or taken over meanwhile: the job is recorded nowhere, so nobody must train it.
                await jobs.TryCancelAsync(job.TenantId, job.Id, CancellationToken.None).ConfigureAwait(false);
                throw new OperationCanceledException(lease.Lost);
            }
        }

        var trained = await training.CompleteAsync(lease.Current.JobId!.Value, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return await judge.DecideAsync(lease.Current, trained,
            token => lease.UpdateAsync(r => r with { HeartbeatAt = time.GetUtcNow() }, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the user reads on a failed try: our own errors verbatim, anything else by type and message.</summary>
    private static string Describe(Exception ex) => ex is AutoMLPlatformException
        ? ex.Message
        : $"The run failed unexpectedly ({ex.GetType().Name}): {ex.Message}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} is not queued ({Status}); skipping")]
    private partial void LogSkipped(PipelineRunId runId, PipelineRunStatus? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} of {Pipeline} started, attempt {Attempt}")]
    private partial void LogStarted(PipelineRunId runId, string pipeline, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} decided {Outcome}: {Reason}")]
    private partial void LogDecided(PipelineRunId runId, PromotionOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline run {RunId} was cancelled: {Reason}")]
    private partial void LogCancelled(PipelineRunId runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline run {RunId} try {Failures} failed; retrying in {Delay}: {Error}")]
    private partial void LogRetrying(PipelineRunId runId, int failures, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline run {RunId} failed after {Failures} tries; the champion stays: {Error}")]
    private partial void LogFailed(PipelineRunId runId, int failures, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline run {RunId} lost its database mid-try ({Error}); trying again when it answers")]
    private partial void LogDatabaseAway(PipelineRunId runId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline run {RunId} was taken over by another worker; this attempt stopped")]
    private partial void LogLeaseLost(PipelineRunId runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pipeline run {RunId} was interrupted by shutdown and queued again (handed to the queue: {Delivered})")]
    private partial void LogRequeuedOnShutdown(PipelineRunId runId, bool delivered);
}
