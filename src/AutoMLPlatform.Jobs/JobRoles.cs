namespace AutoMLPlatform.Jobs;

/// <summary>Which side of the job system a process runs.</summary>
[Flags]
public enum JobRoles
{
    /// <summary>Submits jobs and pipeline runs, keeps schedules registered (the API role).</summary>
    Client = 1,

    /// <summary>Executes jobs and runs, and recovers the ones whose worker died (the worker role).</summary>
    Worker = 2,

    /// <summary>Both: the embedded single process.</summary>
    All = Client | Worker,
}
