namespace AutoMLPlatform.Server.Roles;

/// <summary>What one process of the platform does. Set with <c>--role</c> or <c>AutoMLPlatform:Role</c>.</summary>
public enum PlatformRole
{
    /// <summary>Everything in one process: the embedded default.</summary>
    All,

    /// <summary>The HTTP API (and console): submits jobs, keeps schedules; executes nothing.</summary>
    Api,

    /// <summary>A Hangfire server: executes jobs and pipeline runs, recovers those of dead workers; no API.</summary>
    Worker,

    /// <summary>The thin scoring service: predictions only.</summary>
    Scoring,
}
