using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The ranges and defaults of a canary trigger, checked field by field into the caller's error list.</summary>
internal static class CanaryTriggerRules
{
    private const string Field = "schedule.canaryTrigger";

    public static CanaryTrigger? Check(Dictionary<string, string[]> errors, CanaryTriggerDocument document)
    {
        var count = errors.Count;
        var metric = LiveTriggerFields.Metric(errors, $"{Field}.metric", document.Metric);
        var minLabelled = LiveTriggerFields.MinLabelled(errors, $"{Field}.minLabelled", document.MinLabelled);
        var margin = document.MinImprovement ?? 0;
        FieldErrors.Require(errors, $"{Field}.minImprovement", double.IsFinite(margin) && margin >= 0,
            "Give the margin the canary must win by: 0 (any strict improvement) or more, in the metric's units.");
        var window = LiveTriggerFields.Window(errors, $"{Field}.window", document.Window);
        var every = CheckIntervals.Check(errors, $"{Field}.checkEvery", document.CheckEvery, QualityTrigger.DefaultCheckEvery);
        return errors.Count > count ? null : new CanaryTrigger(metric, minLabelled, margin, window, every);
    }

    /// <summary>The trigger as a document reads it back, every default spelled out.</summary>
    public static CanaryTriggerDocument ToDocument(CanaryTrigger trigger) =>
        new(Metrics.NameOf(trigger.Metric), trigger.MinLabelled, trigger.MinImprovement, LiveTriggerFields.Text(trigger.Window), LiveTriggerFields.Text(trigger.CheckEvery));
}
