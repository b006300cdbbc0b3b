using System.Globalization;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// How often a trigger's check runs (drift, live quality): <c>[d.]hh:mm:ss</c>, whole minutes dividing an hour or whole
/// hours dividing a day, so that a cron expression can say it.
/// </summary>
internal static class CheckIntervals
{
    /// <summary>The interval <paramref name="text"/> gives (<paramref name="fallback"/> when null), or an error on <paramref name="field"/>.</summary>
    public static TimeSpan Check(Dictionary<string, string[]> errors, string field, string? text, TimeSpan fallback)
    {
        var every = fallback;
        var ok = text is null || (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out every) && CronOf(every) is not null);
        FieldErrors.Require(errors, field, ok,
            $"'{text}' is not a check interval: give [d.]hh:mm:ss, whole minutes dividing an hour (00:01:00, 00:05:00, 00:15:00, …) "
            + "or whole hours dividing a day (01:00:00, 06:00:00, 1.00:00:00).");
        return every;
    }

    /// <summary>The cron of a check every <paramref name="every"/>; null when the interval does not divide an hour or a day into whole minutes or hours.</summary>
    public static string? CronOf(TimeSpan every)
    {
        if (every.Ticks % TimeSpan.TicksPerMinute != 0 || every <= TimeSpan.Zero)
        {
            return null;
        }

        var minutes = (long)every.TotalMinutes;
        if (minutes < 60)
        {
            return 60 % minutes != 0 ? null : minutes == 1 ? "* * * * *" : $"*/{minutes} * * * *";
        }

        if (minutes % 60 != 0 || 24 % (minutes / 60) != 0)
        {
            return null;
        }

        var hours = minutes / 60;
        return hours == 24 ? "0 0 * * *" : hours == 1 ? "0 * * * *" : $"0 */{hours} * * *";
    }
}
