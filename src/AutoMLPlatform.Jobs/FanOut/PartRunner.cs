using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Jobs.Tracing;
using AutoMLPlatform.Jobs.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.FanOut;

/// <summary>
/// Runs a part of a fanned-out job on whichever worker Hangfire gave it to: claims the part (a compare-and-set, so a
/// part handed out twice runs once), searches its share of the trainers, stores its best model and records the outcome
/// for the worker that holds the job, which picks the winner. The part's trials go to the job's leaderboard as they finish.
/// The part is held under a <see cref="Lease{TRow}"/> like jobs and runs: its heartbeat tells the job's worker it is alive,
/// and it stops when the job moved on (cancelled, finished, requeued) or went on without it.
/// </summary>
internal sealed partial class PartRunner(IJobStore jobs, JobPartRows parts, TrainingDataLoader data, TabularSearch search, TimeProvider time,
    IOptions<JobsOptions> options, ILogger<PartRunner> logger) : IJobPartRunner
{
    public async Task RunAsync(JobId id, int attempt, int part, CancellationToken shutdown)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = id, ["Part"] = part });
        var job = await jobs.FindAnyAsync(id, shutdown).ConfigureAwait(false);
        if (job is null || job.Status != JobStatus.Running || job.Attempt != attempt || job.CancelRequested
            || await LeaseClaim.TryClaimAsync(parts, JobPart.Queued(id, attempt, part), time.GetUtcNow(), shutdown).ConfigureAwait(false) is not { } claimed)
        {
            LogSkipped(id, part);
            return;
        }

        using var jobScope = logger.BeginScope(new Dictionary<string, object> { ["Tenant"] = job.TenantId, ["ModelName"] = job.Spec.ModelName });
        await using var lease = new Lease<JobPart>(parts, time, claimed, options.Value.HeartbeatInterval);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(shutdown, lease.StopRequested, lease.Lost);
        LogStarted(id, part);
        try
        {
            var version = await data.FindVersionAsync(job, work.Token).ConfigureAwait(false);
            var table = await data.LoadTableAsync(version, work.Token).ConfigureAwait(false);
            var training = await data.PrepareAsync(job, version, table, work.Token).ConfigureAwait(false);
            var share = SearchShare.Part(job.Spec, part);
            var outcome = await JobsTracing.TraceAsync("job.search", () =>
                search.RunAsync(job, training, share, new LeaderboardMonitor(jobs, id, attempt, lease: null, share), work.Token)).ConfigureAwait(false);
            var report = VersionInsightWriter.ValidationReport(outcome.Result, time.GetUtcNow());
            await FinishAsync(lease, JobPart.Succeeded(id, attempt, part, outcome.ToPartOutcome(report))).ConfigureAwait(false);
            LogSucceeded(id, part, outcome.Result.Trials.Count, outcome.Result.BestTrial.Score);
        }
        catch (Exception ex) when (ex is OperationCanceledException && work.IsCancellationRequested)
        {
            var reason = lease.StopReason ?? (lease.Lost.IsCancellationRequested ? "the job went on without this part" : "its worker shut down");
            await FinishAsync(lease, JobPart.Failed(id, attempt, part, $"Stopped: {reason}.")).ConfigureAwait(false);
            LogStopped(id, part, reason);
        }
        catch (Exception ex)
        {
            await FinishAsync(lease, JobPart.Failed(id, attempt, part, Describe(ex))).ConfigureAwait(false);
            LogFailed(ex, id, part);
        }
    }

    private async Task FinishAsync(Lease<JobPart> lease, JobPart finished)
    {
        try
        {
            // Not cancellable: the worker that holds the job waits for this row. False means it already went on without us.
            await lease.UpdateAsync(_ => finished, CancellationToken.None).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
        {
            // The part stays running without heartbeats; the job's worker abandons it after the lease timeout.
            LogFinishLost(ex, finished.JobId, finished.Index);
        }
    }

    /// <summary>What a part's row says of its failure: our own errors verbatim, anything else by type and message.</summary>
    public static string Describe(Exception ex) => ex is AutoMLPlatformException
        ? ex.Message
        : $"The part's search failed unexpectedly ({ex.GetType().Name}): {ex.Message}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Part {Part} of job {JobId} is not wanted or already claimed; skipping")]
    private partial void LogSkipped(JobId jobId, int part);

    [LoggerMessage(Level = LogLevel.Information, Message = "Part {Part} of job {JobId} started")]
    private partial void LogStarted(JobId jobId, int part);

    [LoggerMessage(Level = LogLevel.Information, Message = "Part {Part} of job {JobId} finished {Trials} trials, best score {Score}")]
    private partial void LogSucceeded(JobId jobId, int part, int trials, double? score);

    [LoggerMessage(Level = LogLevel.Information, Message = "Part {Part} of job {JobId} stopped: {Reason}")]
    private partial void LogStopped(JobId jobId, int part, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Part {Part} of job {JobId} failed")]
    private partial void LogFailed(Exception exception, JobId jobId, int part);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Part {Part} of job {JobId} could not record how it ended")]
    private partial void LogFinishLost(Exception exception, JobId jobId, int part);
}
