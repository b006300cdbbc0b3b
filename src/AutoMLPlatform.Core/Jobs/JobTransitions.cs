namespace AutoMLPlatform.Core.Jobs;

/// <summary>
/// The one place that says which status may follow which. Running → Queued exists for recovery only: a job whose
/// process died is put back in the queue and run again from the start. Queued → Failed is a job that used up its
/// attempts (<c>Jobs:MaxAttempts</c>) before it could finish.
/// </summary>
public static class JobTransitions
{
    private static readonly Dictionary<JobStatus, JobStatus[]> Allowed = new()
    {
        [JobStatus.Queued] = [JobStatus.Running, JobStatus.Cancelled, JobStatus.Failed],
        [JobStatus.Running] = [JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled, JobStatus.Queued],
        [JobStatus.Succeeded] = [],
        [JobStatus.Failed] = [],
        [JobStatus.Cancelled] = [],
    };

    public static bool IsAllowed(JobStatus from, JobStatus to) => Allowed[from].Contains(to);

    public static bool IsFinal(JobStatus status) => Allowed[status].Length == 0;

    public static void EnsureAllowed(JobId job, JobStatus from, JobStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new InvalidJobTransitionException(job, from, to);
        }
    }
}
