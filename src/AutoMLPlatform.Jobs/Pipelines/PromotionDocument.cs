namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The <c>promotion</c> policy of a pipeline document.</summary>
/// <param name="MinImprovement">The margin a challenger must win by, 0 or more; 0 (any strict improvement) when left out.</param>
/// <param name="Improvement"><c>absolute</c> (default: metric units) or <c>relative</c> (a share of the champion's score).</param>
/// <param name="HoldoutFraction">Share of the newest dataset version held out to compare both models: 0.05 to 0.5, 0.2 when left out.</param>
/// <param name="Retries">Tries after a failed one: 0 to 10, 1 when left out.</param>
/// <param name="RetryDelaySeconds">Wait before each retry: 0 to 86,400 seconds, 60 when left out.</param>
public sealed record PromotionDocument(
    double? MinImprovement = null,
    string? Improvement = null,
    double? HoldoutFraction = null,
    int? Retries = null,
    double? RetryDelaySeconds = null);
