using System.Diagnostics;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// Scoring's activity source: a span per model version loaded (read, row type, pool warmed). Predictions have no span
/// of their own; with tracing on, the request's server span covers them. With no listener (the default) starting a span
/// returns null. A static source holds no state of ours.
/// </summary>
internal static class ScoringTracing
{
    public const string SourceName = "AutoMLPlatform.Scoring";

    public static readonly ActivitySource Source = new(SourceName);
}
