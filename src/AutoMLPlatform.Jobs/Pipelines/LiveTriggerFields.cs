using System.Globalization;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The fields the triggers on live quality share (quality, canary): the metric, the labelled rows needed, the window.</summary>
internal static class LiveTriggerFields
{
    public static MetricKind Metric(Dictionary<string, string[]> errors, string field, string? text)
    {
        FieldErrors.Require(errors, field, Metrics.TryParse(text?.Trim(), out var metric),
            $"Give the live metric: one of {string.Join(", ", Enum.GetValues<MetricKind>().Select(Metrics.NameOf))}.");
        return metric;
    }

    public static int MinLabelled(Dictionary<string, string[]> errors, string field, int? value)
    {
        var minLabelled = value ?? QualityTrigger.DefaultMinLabelled;
        FieldErrors.Require(errors, field, minLabelled >= 1, "At least one prediction with feedback is needed.");
        return minLabelled;
    }

    public static TimeSpan Window(Dictionary<string, string[]> errors, string field, string? text)
    {
        var window = QualityTrigger.DefaultWindow;
        var ok = text is null
            || (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out window) && window > TimeSpan.Zero && window <= QualityTrigger.MaxWindow);
        FieldErrors.Require(errors, field, ok,
            $"'{text}' is not a window: give [d.]hh:mm:ss, more than 0 and at most {QualityTrigger.MaxWindow.TotalDays} days.");
        return window;
    }

    public static string Text(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
}
