namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The <c>schedule</c> of a pipeline document.</summary>
/// <param name="Cron">Five fields (minute hour day-of-month month day-of-week), or six with seconds first, e.g. <c>0 3 * * *</c>.</param>
/// <param name="TimeZone">An IANA time zone id, e.g. <c>Europe/Berlin</c>; <c>UTC</c> when left out.</param>
/// <param name="DriftTrigger">Also run when the champion's scored rows drift; left out for the cron schedule alone.</param>
/// <param name="QualityTrigger">Also run when the champion's live quality drops; left out for none.</param>
/// <param name="CanaryTrigger">Also promote the alias's canary when it beats the champion live; left out for none.</param>
public sealed record ScheduleDocument(string? Cron = null, string? TimeZone = null, DriftTriggerDocument? DriftTrigger = null,
    QualityTriggerDocument? QualityTrigger = null, CanaryTriggerDocument? CanaryTrigger = null);
