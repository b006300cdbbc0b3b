using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Jobs;

/// <summary>No job with that id exists for the tenant.</summary>
public sealed class JobNotFoundException : NotFoundException
{
    public JobNotFoundException(JobId id)
        : this(id.ToString())
    {
    }

    /// <summary>For an id as the caller wrote it, which may not even be a well-formed id.</summary>
    public JobNotFoundException(string id)
        : base("job-not-found", $"Job '{id}' was not found.")
    {
    }
}
