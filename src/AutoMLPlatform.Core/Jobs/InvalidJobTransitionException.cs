using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>A job was asked to move to a status its current one does not allow (for example cancelling a finished job).</summary>
public sealed class InvalidJobTransitionException : ConflictException
{
    public InvalidJobTransitionException(JobId job, JobStatus from, JobStatus to)
        : base("invalid-job-transition", $"Job '{job}' is {from.ToString().ToLowerInvariant()} and cannot become {to.ToString().ToLowerInvariant()}.")
    {
        From = from;
        To = to;
    }

    public JobStatus From { get; }

    public JobStatus To { get; }
}
