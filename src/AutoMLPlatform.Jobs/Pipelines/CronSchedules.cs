using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using Cronos;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Reads a schedule the way Hangfire will: five cron fields, or six with seconds first, in an IANA time zone.
/// Checked with Cronos, the parser Hangfire embeds, so a schedule accepted here is one Hangfire can run.
/// </summary>
public static class CronSchedules
{
    public static CronExpression ParseCron(string? cron, string field = "schedule.cron")
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            throw new InvalidInputException("invalid-cron", "Give a cron schedule such as \"0 3 * * *\" (every day at 03:00).", field);
        }

        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidInputException("invalid-cron",
                $"'{cron}' is not a cron schedule: {ex.Message} Use five fields (minute hour day-of-month month day-of-week) or six with seconds first.", field, ex);
        }
    }

    public static TimeZoneInfo FindTimeZone(string? id, string field = "schedule.timeZone")
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            throw new InvalidInputException("invalid-time-zone",
                $"'{id}' is not a known time zone; use an IANA id such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\".", field);
        }

        return zone;
    }

    /// <summary>When the schedule next fires after <paramref name="now"/>, or null if it never does.</summary>
    public static DateTimeOffset? NextOccurrence(PipelineSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ParseCron(schedule.Cron).GetNextOccurrence(now, FindTimeZone(schedule.TimeZone));
    }
}
