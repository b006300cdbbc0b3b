namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The <c>schedule.canaryTrigger</c> of a pipeline document: promote the alias's canary when it beats the champion live.</summary>
/// <param name="Metric">The live metric compared (required): accuracy, auc, f1, macro_f1, r2, logloss, rmse or mae.</param>
/// <param name="MinLabelled">Predictions with feedback each version needs in the window: 1 or more, 100 when left out.</param>
/// <param name="MinImprovement">The margin the canary must win by, 0 or more, absolute in the metric's units; 0 when left out.</param>
/// <param name="Window">How far back to look, <c>[d.]hh:mm:ss</c>, more than 0 and at most 90 days; <c>1.00:00:00</c> when left out.</param>
/// <param name="CheckEvery">How often to check, as for the drift trigger; <c>00:15:00</c> when left out.</param>
public sealed record CanaryTriggerDocument(string? Metric = null, int? MinLabelled = null, double? MinImprovement = null, string? Window = null,
    string? CheckEvery = null);
