using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Scores;

/// <summary>
/// A model's predictions on labelled rows it was scored on, in the engine's array convention: <see cref="Truth"/> is
/// 0/1 (binary), the class index (multiclass) or the value; <see cref="Predictions"/> the positive probability
/// (binary), one probability per class row after row (multiclass) or the value.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="Classes">Class names (binary: negative then positive); empty for regression.</param>
/// <param name="Truth">One label per row.</param>
/// <param name="Predictions">One value per row, or one per class per row for multiclass.</param>
public sealed record ScoredRows(TaskKind Task, IReadOnlyList<string> Classes, float[] Truth, float[] Predictions)
{
    public int Rows => Truth.Length;

    /// <summary>Every metric of the task, by wire name, as the search computes them.</summary>
    public IReadOnlyDictionary<string, double> Metrics() =>
        MetricsCalculator.Compute(Task, Truth, Predictions, Task == TaskKind.Multiclass ? Classes.Count : 1);
}
