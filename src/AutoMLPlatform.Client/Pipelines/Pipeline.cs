using System.Text.Json;

namespace AutoMLPlatform.Client.Pipelines;

/// <summary>
/// A retraining pipeline, every default spelled out: what it trains, when (<paramref name="Schedule"/>: cron, time zone,
/// drift trigger) and when a challenger is promoted (<paramref name="Promotion"/>), as in <c>pipelines/*.json</c>.
/// </summary>
public sealed record Pipeline(
    string Name,
    string Dataset,
    string Label,
    string Task,
    string? Metric,
    double TimeBudgetSeconds,
    int? MaxTrials,
    string ModelName,
    string Alias,
    JsonElement Schedule,
    JsonElement Promotion,
    int Seed,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextRunAt);
