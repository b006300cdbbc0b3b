using System.Globalization;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The ranges and defaults of a drift trigger, checked field by field into the caller's error list, and its check's cron.</summary>
internal static class DriftTriggerRules
{
    private const string Field = "schedule.driftTrigger";

    public static DriftTrigger? Check(Dictionary<string, string[]> errors, DriftTriggerDocument document)
    {
        var count = errors.Count;
        var maxPsi = document.MaxPsi ?? double.NaN;
        PipelineValidator.Require(errors, $"{Field}.maxPsi", double.IsFinite(maxPsi) && maxPsi is > 0 and <= DriftTrigger.MaxMaxPsi,
            $"Give the PSI above which a column counts as drifted: more than 0, at most {DriftTrigger.MaxMaxPsi} (0.25 is the usual \"shifted\").");
        var minRows = document.MinRows ?? DriftTrigger.DefaultMinRows;
        PipelineValidator.Require(errors, $"{Field}.minRows", minRows >= 1, "The champion needs at least one scored row.");
        var every = DriftTrigger.DefaultCheckEvery;
        var everyOk = document.CheckEvery is null
            || (TimeSpan.TryParseExact(document.CheckEvery, "c", CultureInfo.InvariantCulture, out every) && CronOf(every) is not null);
        PipelineValidator.Require(errors, $"{Field}.checkEvery", everyOk,
            $"'{document.CheckEvery}' is not a check interval: give [d.]hh:mm:ss, whole minutes dividing an hour (00:01:00, 00:05:00, 00:15:00, …) "
            + "or whole hours dividing a day (01:00:00, 06:00:00, 1.00:00:00).");
        return errors.Count > count ? null : new DriftTrigger(maxPsi, minRows, every);
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

    /// <summary>The trigger as a document reads it back, every default spelled out.</summary>
    public static DriftTriggerDocument ToDocument(DriftTrigger trigger) =>
        new(trigger.MaxPsi, trigger.MinRows, trigger.CheckEvery.ToString("c", CultureInfo.InvariantCulture));
}
