using System.Globalization;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The ranges and defaults of a drift trigger, checked field by field into the caller's error list.</summary>
internal static class DriftTriggerRules
{
    private const string Field = "schedule.driftTrigger";

    public static DriftTrigger? Check(Dictionary<string, string[]> errors, DriftTriggerDocument document)
    {
        var count = errors.Count;
        var maxPsi = document.MaxPsi ?? double.NaN;
        FieldErrors.Require(errors, $"{Field}.maxPsi", double.IsFinite(maxPsi) && maxPsi is > 0 and <= DriftTrigger.MaxMaxPsi,
            $"Give the PSI above which a column counts as drifted: more than 0, at most {DriftTrigger.MaxMaxPsi} (0.25 is the usual \"shifted\").");
        var minRows = document.MinRows ?? DriftTrigger.DefaultMinRows;
        FieldErrors.Require(errors, $"{Field}.minRows", minRows >= 1, "The champion needs at least one scored row.");
        var every = CheckIntervals.Check(errors, $"{Field}.checkEvery", document.CheckEvery, DriftTrigger.DefaultCheckEvery);
        return errors.Count > count ? null : new DriftTrigger(maxPsi, minRows, every);
    }

    /// <summary>The trigger as a document reads it back, every default spelled out.</summary>
    public static DriftTriggerDocument ToDocument(DriftTrigger trigger) =>
        new(trigger.MaxPsi, trigger.MinRows, trigger.CheckEvery.ToString("c", CultureInfo.InvariantCulture));
}
