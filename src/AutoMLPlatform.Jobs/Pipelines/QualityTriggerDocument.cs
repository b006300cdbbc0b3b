namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The <c>schedule.qualityTrigger</c> of a pipeline document: also run when the champion's live quality drops.</summary>
/// <param name="Metric">The live metric to watch (required): accuracy, auc, f1, macro_f1, r2 (a score) or logloss, rmse, mae (an error).</param>
/// <param name="Threshold">Start a run when the metric is below this (a score) or above it (an error) (required).</param>
/// <param name="MinLabelled">Predictions with feedback needed in the window first: 1 or more, 100 when left out.</param>
/// <param name="Window">How far back to look, as <c>[d.]hh:mm:ss</c>: more than 0, at most 90 days, <c>1.00:00:00</c> when left out.</param>
/// <param name="CheckEvery">How often to check, as for the drift trigger; <c>00:15:00</c> when left out.</param>
public sealed record QualityTriggerDocument(string? Metric = null, double? Threshold = null, int? MinLabelled = null, string? Window = null,
    string? CheckEvery = null);
