using System.Globalization;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The ranges and defaults of a quality trigger, checked field by field into the caller's error list.</summary>
internal static class QualityTriggerRules
{
    private const string Field = "schedule.qualityTrigger";

    public static QualityTrigger? Check(Dictionary<string, string[]> errors, QualityTriggerDocument document)
    {
        var count = errors.Count;
        var metric = document.Metric?.Trim().ToLowerInvariant() ?? "";
        PipelineValidator.Require(errors, $"{Field}.metric", QualityTrigger.LowerIsBetter.ContainsKey(metric),
            $"Give the live metric to watch: one of {string.Join(", ", QualityTrigger.LowerIsBetter.Keys)}.");
        var threshold = document.Threshold ?? double.NaN;
        PipelineValidator.Require(errors, $"{Field}.threshold", double.IsFinite(threshold),
            "Give the threshold: a run starts when the metric is below it (a score such as accuracy) or above it (an error such as rmse).");
        var minLabelled = document.MinLabelled ?? QualityTrigger.DefaultMinLabelled;
        PipelineValidator.Require(errors, $"{Field}.minLabelled", minLabelled >= 1, "The champion needs at least one prediction with feedback.");
        var window = QualityTrigger.DefaultWindow;
        var windowOk = document.Window is null
            || (TimeSpan.TryParseExact(document.Window, "c", CultureInfo.InvariantCulture, out window) && window > TimeSpan.Zero && window <= QualityTrigger.MaxWindow);
        PipelineValidator.Require(errors, $"{Field}.window", windowOk,
            $"'{document.Window}' is not a window: give [d.]hh:mm:ss, more than 0 and at most {QualityTrigger.MaxWindow.TotalDays} days.");
        var every = CheckIntervals.Check(errors, $"{Field}.checkEvery", document.CheckEvery, QualityTrigger.DefaultCheckEvery);
        return errors.Count > count ? null : new QualityTrigger(metric, threshold, minLabelled, window, every);
    }

    /// <summary>The trigger as a document reads it back, every default spelled out.</summary>
    public static QualityTriggerDocument ToDocument(QualityTrigger trigger) =>
        new(trigger.Metric, trigger.Threshold, trigger.MinLabelled, trigger.Window.ToString("c", CultureInfo.InvariantCulture),
            trigger.CheckEvery.ToString("c", CultureInfo.InvariantCulture));
}
