namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// When a pipeline runs: a cron expression read in an IANA time zone, and optionally when its champion drifts or its
/// live quality drops.
/// </summary>
/// <param name="Cron">Five fields (minute hour day month weekday), or six with seconds first.</param>
/// <param name="TimeZone">An IANA time zone id such as <c>Europe/Berlin</c>, or <c>UTC</c>.</param>
/// <param name="DriftTrigger">Also start a run when the champion's scored rows drift; null for the schedule alone.</param>
/// <param name="QualityTrigger">Also start a run when the champion's live metric falls past a threshold; null for none.</param>
/// <param name="CanaryTrigger">Also promote the alias's canary when it beats the champion live; null for none.</param>
public sealed record PipelineSchedule(string Cron, string TimeZone, DriftTrigger? DriftTrigger = null, QualityTrigger? QualityTrigger = null,
    CanaryTrigger? CanaryTrigger = null)
{
    /// <summary>The time zone when a definition names none.</summary>
    public const string DefaultTimeZone = "UTC";
}
