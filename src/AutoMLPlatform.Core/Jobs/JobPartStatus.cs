namespace AutoMLPlatform.Core.Jobs;

/// <summary>Where one part of a fanned-out job's search is. Only queued and running parts move on.</summary>
public enum JobPartStatus
{
    /// <summary>Waiting for a free worker.</summary>
    Queued,

    /// <summary>A worker claimed it and searches.</summary>
    Running,

    /// <summary>Searched and stored its best model; its outcome is set.</summary>
    Succeeded,

    /// <summary>Its search found nothing or broke; its error says why.</summary>
    Failed,

    /// <summary>The job went on without it: no worker took it in time, or its worker went silent.</summary>
    Abandoned,
}
