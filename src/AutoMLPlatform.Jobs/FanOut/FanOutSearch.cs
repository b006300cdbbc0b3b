using System.Data.Common;
using System.Runtime.ExceptionServices;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Jobs.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs.FanOut;

/// <summary>
/// The worker that holds a job with <see cref="JobSpec.Parallelism"/> above 1 splits its search into parts
/// (<see cref="SearchShare"/>): it records them, hands parts 1 to N − 1 to Hangfire for any free worker, searches part 0
/// itself, then waits for the others and picks the part whose best model validated best. A part no worker claims within
/// a few seconds is taken over by part 0 (its trainers join part 0's share); a part whose worker went silent is
/// abandoned and the job goes on with the rest; cancelling the job stops every part, since each watches the job row.
/// </summary>
internal sealed partial class FanOutSearch(IJobStore jobs, IJobPartStore parts, IJobPartQueue queue, TabularSearch search, TimeProvider time,
    IOptions<JobsOptions> options, ILogger<FanOutSearch> logger)
{
    /// <summary>What an adopted part's row says.</summary>
    public const string AdoptedReason = "no worker was free to take it: the worker that holds the job searched its trainers";

    /// <summary>How long the other parts may wait for a free worker (at most a tenth of the budget) before part 0 takes them over.</summary>
    private static readonly TimeSpan ClaimWait = TimeSpan.FromSeconds(3);

    /// <summary>The least time a running part gets past the budget to store its model before it is abandoned.</summary>
    private static readonly TimeSpan MinimumGrace = TimeSpan.FromSeconds(10);

    public async Task<FanOutResult> RunAsync(Lease<TrainingJob> lease, TrainingData data, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        var count = job.Spec.Parallelism;
        await parts.CreateAsync(job.Id, job.Attempt, count, cancellationToken).ConfigureAwait(false);
        for (var part = 1; part < count; part++)
        {
            await queue.EnqueueAsync(job.Id, job.Attempt, part, cancellationToken).ConfigureAwait(false);
        }

        LogFannedOut(job.Id, count);
        var ownShare = await AdoptUnclaimedPartsAsync(lease, cancellationToken).ConfigureAwait(false);
        var (local, ownFailure) = await RunOwnPartAsync(lease, data, ownShare, cancellationToken).ConfigureAwait(false);
        await WaitForOtherPartsAsync(lease, cancellationToken).ConfigureAwait(false);

        var finished = await parts.ListAsync(job.Id, job.Attempt, cancellationToken).ConfigureAwait(false);
        var winner = finished
            .Where(p => p is { Status: JobPartStatus.Succeeded, Outcome: { } o } && double.IsFinite(o.Score))
            .MaxBy(p => (Metrics.HigherIsBetter(p.Outcome!.Metric) ? 1 : -1) * p.Outcome.Score);
        if (winner is null)
        {
            // Part 0 searches the same data as the others: its error (a bad label, no usable column) is the job's.
            ownFailure?.Throw();
            throw new NoSuccessfulTrialException("No part of the search finished a trial: "
                + string.Join("; ", finished.Select(p => $"part {p.Index} {p.Status.ToString().ToLowerInvariant()}{(p.Error is null ? "" : $" ({p.Error})")}")));
        }

        LogWinner(job.Id, winner.Index, winner.Outcome!.Trainer, winner.Outcome.Score);
        return new FanOutResult(winner.Outcome, winner.Index == 0 ? local : null);
    }

    /// <summary>
    /// Gives the other parts <see cref="ClaimWait"/> to be claimed by free workers; the ones still queued then are taken
    /// over: abandoned (so no worker starts them late) and their trainers added to part 0's share. With no worker free
    /// (the embedded set-up runs one job at a time) the job then searches every trainer, as without fan-out.
    /// </summary>
    private async Task<SearchShare> AdoptUnclaimedPartsAsync(Lease<TrainingJob> lease, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        var wait = job.Spec.TimeBudget / 10 < ClaimWait ? job.Spec.TimeBudget / 10 : ClaimWait;
        var until = time.GetUtcNow() + wait;
        IReadOnlyList<JobPart> listed;
        while ((listed = await parts.ListAsync(job.Id, job.Attempt, cancellationToken).ConfigureAwait(false))
            .Any(p => p.Index > 0 && p.Status == JobPartStatus.Queued) && time.GetUtcNow() < until)
        {
            await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
        }

        var share = SearchShare.Part(job.Spec, 0);
        foreach (var part in listed.Where(p => p.Index > 0 && p.Status == JobPartStatus.Queued))
        {
            if (await parts.TryAbandonAsync(job.Id, job.Attempt, part.Index, JobPartStatus.Queued, AdoptedReason, cancellationToken).ConfigureAwait(false))
            {
                share = share.With(SearchShare.Part(job.Spec, part.Index));
                LogAdopted(job.Id, part.Index);
            }
        }

        return share;
    }

    private async Task<(SearchOutcome? Local, ExceptionDispatchInfo? Failure)> RunOwnPartAsync(Lease<TrainingJob> lease, TrainingData data, SearchShare share,
        CancellationToken cancellationToken)
    {
        var job = lease.Current;
        if (!await parts.TryClaimAsync(job.Id, job.Attempt, 0, WorkerIdentity.Current, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return (null, null);
        }

        try
        {
            var local = await search.RunAsync(job, data, share, new LeaderboardMonitor(jobs, job.Id, job.Attempt, lease, share), cancellationToken)
                .ConfigureAwait(false);
            var report = VersionInsightWriter.ValidationReport(local.Result, time.GetUtcNow());
            await parts.TryFinishAsync(JobPart.Succeeded(job.Id, job.Attempt, 0, local.ToPartOutcome(report)),
                CancellationToken.None).ConfigureAwait(false);
            return (local, null);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DbException) && !cancellationToken.IsCancellationRequested)
        {
            await parts.TryFinishAsync(JobPart.Failed(job.Id, job.Attempt, 0, PartRunner.Describe(ex)), CancellationToken.None)
                .ConfigureAwait(false);
            LogOwnPartFailed(ex, job.Id);
            return (null, ExceptionDispatchInfo.Capture(ex));
        }
    }

    /// <summary>Until every part ended or was abandoned; the job's progress meanwhile counts every part's trials.</summary>
    private async Task WaitForOtherPartsAsync(Lease<TrainingJob> lease, CancellationToken cancellationToken)
    {
        var job = lease.Current;
        var started = job.StartedAt ?? time.GetUtcNow();
        var budgetEnd = started + job.Spec.TimeBudget;
        var leaseTimeout = options.Value.LeaseTimeout;
        var hardEnd = budgetEnd + (leaseTimeout > MinimumGrace ? leaseTimeout : MinimumGrace);
        while (true)
        {
            var open = false;
            foreach (var part in await parts.ListAsync(job.Id, job.Attempt, cancellationToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow();
                var reason = part.Status switch
                {
                    JobPartStatus.Running when LeaseExpiry.IsExpired(part.HeartbeatAt ?? started, now, leaseTimeout) => "its worker went silent",
                    JobPartStatus.Running when now > hardEnd => "it did not finish within the time budget",
                    _ => null,
                };
                var waiting = part.Status == JobPartStatus.Running;
                if (waiting && reason is not null
                    && await parts.TryAbandonAsync(job.Id, job.Attempt, part.Index, part.Status, reason, cancellationToken).ConfigureAwait(false))
                {
                    LogAbandoned(job.Id, part.Index, reason);
                    waiting = false;
                }

                open |= waiting;
            }

            try
            {
                await AttemptProgress.RefreshAsync(jobs, lease, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Progress is a courtesy; the parts' rows are read again on the next round.
            }

            if (!open)
            {
                return;
            }

            await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} fanned out into {Parts} parts")]
    private partial void LogFannedOut(JobId jobId, int parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: no worker took part {Part}; its trainers join part 0")]
    private partial void LogAdopted(JobId jobId, int part);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Part 0 of job {JobId} failed")]
    private partial void LogOwnPartFailed(Exception exception, JobId jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} went on without part {Part}: {Reason}")]
    private partial void LogAbandoned(JobId jobId, int part, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: part {Part} won with {Trainer}, score {Score}")]
    private partial void LogWinner(JobId jobId, int part, string trainer, double score);
}
