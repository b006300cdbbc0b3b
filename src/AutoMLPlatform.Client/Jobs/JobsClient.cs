using System.Runtime.CompilerServices;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Jobs;

/// <summary>Training jobs: submit, read, watch until they end, cancel.</summary>
public sealed class JobsClient
{
    private readonly ApiConnection _api;

    internal JobsClient(ApiConnection api) => _api = api;

    /// <summary>Queues a training job; the answer is the queued job (watch it with <see cref="WatchAsync"/>).</summary>
    public Task<Job> SubmitAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new
        {
            datasetId = request.DatasetId,
            datasetVersion = request.DatasetVersion,
            label = request.Label,
            task = request.Task,
            metric = request.Metric,
            timeBudgetSeconds = request.TimeBudgetSeconds,
            modelName = request.ModelName,
            seed = request.Seed,
            maxTrials = request.MaxTrials,
            requireOnnx = request.RequireOnnx,
            parallelism = request.Parallelism,
        };
        return _api.SendAsync<Job>(ApiRoutes.SubmitJob, ApiRoutes.SubmitJob.Path(), ApiConnection.Json(body), cancellationToken);
    }

    /// <summary>Jobs, newest first (without their leaderboards).</summary>
    public Task<Page<Job>> ListAsync(int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Page<Job>>(ApiRoutes.ListJobs, Query.Of(ApiRoutes.ListJobs.Path(), ("offset", offset), ("limit", limit)), null, cancellationToken);

    /// <summary>A job with its column decisions and leaderboard, best first.</summary>
    public Task<Job> GetAsync(JobId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Job>(ApiRoutes.GetJob, ApiRoutes.GetJob.Path(id), null, cancellationToken);

    /// <summary>Asks a queued or running job to stop; a running search stops within about a second and registers nothing.</summary>
    public Task<Job> CancelAsync(JobId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Job>(ApiRoutes.CancelJob, ApiRoutes.CancelJob.Path(id), null, cancellationToken);

    /// <summary>
    /// The job's state each time it changes, polled every <see cref="AutoMLPlatformClientOptions.WatchInterval"/>
    /// (or <paramref name="interval"/>), starting with the current one and ending with the one where
    /// <see cref="Job.IsFinished"/>. Stopping the enumeration (or cancelling it) leaves the job running.
    /// </summary>
    public async IAsyncEnumerable<Job> WatchAsync(JobId id, TimeSpan? interval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wait = interval ?? _api.Options.WatchInterval;
        Job? last = null;
        while (true)
        {
            var job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (last is null || Changed(last, job))
            {
                yield return job;
            }

            if (job.IsFinished)
            {
                yield break;
            }

            last = job;
            await Task.Delay(wait, _api.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Changed(Job before, Job after) =>
        before.Status != after.Status || before.Progress != after.Progress || before.Attempt != after.Attempt || before.CancelRequested != after.CancelRequested ||
        (before.Leaderboard?.Count ?? 0) != (after.Leaderboard?.Count ?? 0);
}
