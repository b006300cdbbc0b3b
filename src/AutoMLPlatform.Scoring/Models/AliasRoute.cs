using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Routing;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// What an alias resolves to in one scoring process: the loaded version it points at and, when it carries a split, the
/// loaded canary (with the buckets it answers) and shadow. Immutable; a split change builds a new route and swaps it in
/// like an alias move, so a request sees one route from start to end. Picking costs nothing without a canary, and
/// with one a hash of the routing key (or one random number when the request has none): no database, no allocation.
/// </summary>
internal sealed class AliasRoute
{
    public AliasRoute(string modelName, string alias, ScoringModel main, AliasSplit split, ScoringModel? canary, ScoringModel? shadow)
    {
        ArgumentNullException.ThrowIfNull(split);
        ModelName = modelName;
        Alias = alias;
        Main = main;
        Split = split;
        Canary = canary;
        Shadow = shadow;
        CanaryBuckets = canary is null ? 0 : RoutingHash.BucketsFor(split.CanaryPercent);
    }

    public string ModelName { get; }

    public string Alias { get; }

    /// <summary>The version the alias points at.</summary>
    public ScoringModel Main { get; }

    public AliasSplit Split { get; }

    public ScoringModel? Canary { get; }

    /// <summary>Buckets (of <see cref="RoutingHash.Buckets"/>) the canary answers: keys whose bucket is below this.</summary>
    public int CanaryBuckets { get; }

    public ScoringModel? Shadow { get; }

    /// <summary>True when the route was built for this version and split (a refresh that finds both unchanged keeps it).</summary>
    public bool Matches(int version, AliasSplit split) => Main.Version.Version == version && Split == split;

    public bool Uses(ScoringModel model) => Main == model || Canary == model || Shadow == model;

    /// <summary>Any of the route's models already retired and released: the route must be rebuilt.</summary>
    public bool IsReleased => Main.IsReleased || Canary?.IsReleased == true || Shadow?.IsReleased == true;

    /// <summary>
    /// The version that answers a request with <paramref name="routingKey"/>: the same one for a key every time, in every
    /// process; a request without a key is routed at random.
    /// </summary>
    public ScoringModel Pick(string? routingKey)
    {
        if (Canary is not { } canary)
        {
            return Main;
        }

        var bucket = routingKey is null ? Random.Shared.Next(RoutingHash.Buckets) : RoutingHash.Bucket(ModelName, Alias, routingKey);
        return bucket < CanaryBuckets ? canary : Main;
    }
}
