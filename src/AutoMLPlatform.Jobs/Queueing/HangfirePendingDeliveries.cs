using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>
/// Reads which rows Hangfire still holds a delivery for: a background job of the given class, waiting in its queue,
/// fetched by a worker or being processed. Recovery compares this with the rows written as queued, to find a row whose
/// delivery was lost (its enqueue never happened, or the Hangfire job ended without claiming the row).
/// </summary>
internal sealed class HangfirePendingDeliveries(JobStorage storage)
{
    private const int PageSize = 500;

    /// <summary>The first argument (the row's id) of every pending <typeparamref name="TJob"/> on <paramref name="queue"/>.</summary>
    public IReadOnlySet<Guid> ListIds<TJob>(string queue)
    {
        var monitoring = storage.GetMonitoringApi();
        var ids = new HashSet<Guid>();
        // A queue entry outlives its job's state (a deleted job's entry stays until a worker fetches and skips it), so
        // queue entries count only while their job is still enqueued or processing. The storages fill in different
        // fields (Hangfire.PostgreSql names the state and leaves InEnqueuedState at its default), so the name decides.
        AddAll(ids, typeof(TJob), (from, count) => monitoring.EnqueuedJobs(queue, from, count)
            .Select(j => j.Value is { } dto && (dto.State is null ? dto.InEnqueuedState : IsLive(dto.State)) ? dto.Job : null));
        AddAll(ids, typeof(TJob), (from, count) => monitoring.FetchedJobs(queue, from, count)
            .Select(j => j.Value is { } dto && IsLive(dto.State) ? dto.Job : null));
        AddAll(ids, typeof(TJob), (from, count) => monitoring.ProcessingJobs(from, count).Select(j => j.Value?.Job));
        return ids;
    }

    private static bool IsLive(string? state) => state == EnqueuedState.StateName || state == ProcessingState.StateName;

    private static void AddAll(HashSet<Guid> ids, Type jobType, Func<int, int, IEnumerable<Job?>> page)
    {
        for (var from = 0; ; from += PageSize)
        {
            var jobs = page(from, PageSize).ToList();
            foreach (var job in jobs)
            {
                if (job?.Type == jobType && job.Args is [Guid id, ..])
                {
                    ids.Add(id);
                }
            }

            if (jobs.Count < PageSize)
            {
                return;
            }
        }
    }
}
