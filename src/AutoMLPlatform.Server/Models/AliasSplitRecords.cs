using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Server.Models;

/// <summary>A canary in a request: the version that answers <c>percent</c> % (0–100) of the alias's requests.</summary>
public sealed record CanaryRequest(int? Version, double? Percent);

/// <summary>A shadow in a request: the version that scores every row in the shadow (outputs logged, never returned).</summary>
public sealed record ShadowRequest(int? Version);

/// <summary>An alias's canary: its version and share of the requests.</summary>
public sealed record CanaryResponse(int Version, double Percent);

/// <summary>An alias's shadow version.</summary>
public sealed record ShadowResponse(int Version);

/// <summary>An alias's traffic split: the canary and the shadow, each null when absent.</summary>
public sealed record AliasSplitResponse(CanaryResponse? Canary, ShadowResponse? Shadow)
{
    public static AliasSplitResponse From(AliasSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new(split.CanaryVersion is { } c ? new CanaryResponse(c, split.CanaryPercent) : null,
            split.ShadowVersion is { } s ? new ShadowResponse(s) : null);
    }
}

/// <summary>One alias: the version it points at and its traffic split (<c>canary</c>, <c>shadow</c>; null when none).</summary>
public sealed record AliasResponse(string Model, string Alias, int Version, CanaryResponse? Canary, ShadowResponse? Shadow, DateTimeOffset UpdatedAt)
{
    public static AliasResponse From(AliasTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var split = AliasSplitResponse.From(target.Split);
        return new(target.ModelName, target.Alias, target.Version, split.Canary, split.Shadow, target.UpdatedAt);
    }
}
