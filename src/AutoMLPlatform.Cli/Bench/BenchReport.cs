using System.Text.Json.Serialization;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// The one JSON object <c>automl bench</c> prints as its last line. <see cref="Score"/> is the primary metric of the
/// task on the test file (AUC binary, accuracy multiclass, R² regression) whatever metric the search optimised.
/// </summary>
internal sealed record BenchReport(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("trials")] int Trials,
    [property: JsonPropertyName("best_trainer")] string BestTrainer,
    [property: JsonPropertyName("fit_seconds")] double FitSeconds,
    [property: JsonPropertyName("peak_memory_mb")] double PeakMemoryMb);
