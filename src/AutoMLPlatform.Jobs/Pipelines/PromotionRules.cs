using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>The ranges and defaults of a promotion policy, checked field by field into the caller's error list.</summary>
internal static class PromotionRules
{
    public const double MaxRetryDelaySeconds = 86_400;

    public static PromotionPolicy? Check(Dictionary<string, string[]> errors, PromotionDocument document)
    {
        var count = errors.Count;
        var minImprovement = document.MinImprovement ?? PromotionPolicy.DefaultMinImprovement;
        FieldErrors.Require(errors, "promotion.minImprovement", double.IsFinite(minImprovement) && minImprovement >= 0,
            "The minimum improvement is a number, 0 or more.");

        var kind = Enum.GetValues<ImprovementKind>()
            .FirstOrDefault(k => string.Equals(k.ToString(), document.Improvement ?? nameof(ImprovementKind.Absolute), StringComparison.OrdinalIgnoreCase), (ImprovementKind)(-1));
        FieldErrors.Require(errors, "promotion.improvement", Enum.IsDefined(kind), $"Unknown improvement '{document.Improvement}'; use absolute or relative.");

        var holdout = document.HoldoutFraction ?? PromotionPolicy.DefaultHoldoutFraction;
        FieldErrors.Require(errors, "promotion.holdoutFraction",
            double.IsFinite(holdout) && holdout is >= PipelineValidator.MinHoldoutFraction and <= PipelineValidator.MaxHoldoutFraction,
            $"The held-out share is between {PipelineValidator.MinHoldoutFraction} and {PipelineValidator.MaxHoldoutFraction}.");

        var retries = document.Retries ?? PromotionPolicy.DefaultRetries;
        FieldErrors.Require(errors, "promotion.retries", retries is >= 0 and <= PromotionPolicy.MaxRetries,
            $"Retries are between 0 and {PromotionPolicy.MaxRetries}.");

        var delay = document.RetryDelaySeconds ?? PromotionPolicy.DefaultRetryDelay.TotalSeconds;
        FieldErrors.Require(errors, "promotion.retryDelaySeconds", double.IsFinite(delay) && delay is >= 0 and <= MaxRetryDelaySeconds,
            $"The retry delay is between 0 and {MaxRetryDelaySeconds} seconds.");

        return errors.Count > count ? null : new PromotionPolicy(minImprovement, kind, holdout, retries, TimeSpan.FromSeconds(delay));
    }
}
