using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The ranges and defaults of a quality trigger, checked field by field into the caller's error list.</summary>
internal static class QualityTriggerRules
{
    private const string Field = "schedule.qualityTrigger";

    public static QualityTrigger? Check(Dictionary<string, string[]> errors, QualityTriggerDocument document)
    {
        var count = errors.Count;
        var metric = LiveTriggerFields.Metric(errors, $"{Field}.metric", document.Metric);
        var threshold = document.Threshold ?? double.NaN;
        FieldErrors.Require(errors, $"{Field}.threshold", double.IsFinite(threshold),
            "Give the threshold: a run starts when the metric is below it (a score such as accuracy) or above it (an error such as rmse).");
        var minLabelled = LiveTriggerFields.MinLabelled(errors, $"{Field}.minLabelled", document.MinLabelled);
        var window = LiveTriggerFields.Window(errors, $"{Field}.window", document.Window);
        var every = CheckIntervals.Check(errors, $"{Field}.checkEvery", document.CheckEvery, QualityTrigger.DefaultCheckEvery);
        return errors.Count > count ? null : new QualityTrigger(metric, threshold, minLabelled, window, every);
    }

    /// <summary>The trigger as a document reads it back, every default spelled out.</summary>
    public static QualityTriggerDocument ToDocument(QualityTrigger trigger) =>
        new(Metrics.NameOf(trigger.Metric), trigger.Threshold, trigger.MinLabelled, LiveTriggerFields.Text(trigger.Window), LiveTriggerFields.Text(trigger.CheckEvery));
}
