using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>
/// How the user's label column becomes the label ML.NET trains on: a boolean for binary (true = the positive
/// class), a key for multiclass (key k = <see cref="Classes"/>[k-1]) or a float for regression.
/// </summary>
/// <param name="Task">The task the encoding serves.</param>
/// <param name="Classes">Binary: negative then positive. Multiclass: every class, in key order. Regression: empty.</param>
public sealed record LabelEncoding(TaskKind Task, IReadOnlyList<string> Classes)
{
    public static LabelEncoding Regression { get; } = new(TaskKind.Regression, []);

    public string PositiveClass => Task == TaskKind.Binary ? Classes[1] : throw new InvalidOperationException("Only binary labels have a positive class.");
}
