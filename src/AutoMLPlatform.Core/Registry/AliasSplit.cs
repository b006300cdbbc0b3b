using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Registry;

/// <summary>
/// The traffic split an alias may carry besides its version: a canary version that answers
/// <see cref="CanaryPercent"/> % of the requests made through the alias, and a shadow version that scores the same rows
/// off the request path (its outputs are logged, never returned). Both, either or neither may be set.
/// </summary>
/// <param name="CanaryVersion">The version that answers a share of the requests; null for no canary.</param>
/// <param name="CanaryPercent">The share, 0–100 (0 when there is no canary).</param>
/// <param name="ShadowVersion">The version that scores every row in the shadow; null for no shadow.</param>
public sealed record AliasSplit(int? CanaryVersion, double CanaryPercent, int? ShadowVersion)
{
    /// <summary>No canary, no shadow: every request is answered by the alias's version.</summary>
    public static AliasSplit None { get; } = new(null, 0, null);

    public bool IsNone => CanaryVersion is null && ShadowVersion is null;

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> when the split cannot go with an alias at <paramref name="version"/>:
    /// a percent outside 0–100, a canary or shadow that is the alias's own version (or not a version number), or a
    /// shadow that is the canary.
    /// </summary>
    public void Check(int version)
    {
        if (CanaryVersion is { } canary)
        {
            if (canary < 1)
            {
                throw new InvalidInputException(RegistryErrorCodes.InvalidCanaryVersion, "The canary's version is a positive number.", "canary.version");
            }

            if (double.IsNaN(CanaryPercent) || CanaryPercent < 0 || CanaryPercent > 100)
            {
                throw new InvalidInputException("invalid-canary-percent", "The canary's percent is a number from 0 to 100.", "canary.percent");
            }

            if (canary == version)
            {
                throw new InvalidInputException("canary-is-main", $"The canary is version {canary}, which the alias already points at; name another version.", "canary.version");
            }
        }

        if (ShadowVersion is { } shadow)
        {
            if (shadow < 1)
            {
                throw new InvalidInputException(RegistryErrorCodes.InvalidShadowVersion, "The shadow's version is a positive number.", "shadow.version");
            }

            if (shadow == version || shadow == CanaryVersion)
            {
                throw new InvalidInputException("shadow-is-served", $"The shadow is version {shadow}, which already answers through the alias; name another version.", "shadow.version");
            }
        }
    }

    /// <summary>The versions the split names besides the alias's own.</summary>
    public IEnumerable<int> Versions
    {
        get
        {
            if (CanaryVersion is { } canary)
            {
                yield return canary;
            }

            if (ShadowVersion is { } shadow)
            {
                yield return shadow;
            }
        }
    }
}
