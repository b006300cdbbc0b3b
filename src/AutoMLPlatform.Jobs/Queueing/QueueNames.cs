namespace AutoMLPlatform.Jobs.Queueing;

/// <summary>
/// The Hangfire queues the platform puts work on, so that worker pools can split it (<see cref="JobsOptions.Queues"/>):
/// training jobs and their fan-out parts are the heavy work; pipeline runs, schedules and drift checks only start jobs.
/// </summary>
public static class QueueNames
{
    /// <summary>Training jobs and the parts of fanned-out ones.</summary>
    public const string Training = "training";

    /// <summary>Pipeline runs, their schedules and drift checks.</summary>
    public const string Pipelines = "pipelines";

    /// <summary>Hangfire's own queue: work enqueued before the platform named its queues.</summary>
    public const string Default = "default";

    /// <summary>Every queue: what a worker serves unless told otherwise.</summary>
    public static IReadOnlyList<string> All { get; } = [Training, Pipelines, Default];
}
