namespace AutoMLPlatform.Client.Models;

/// <summary>How a version did on rows it never trained on. Exactly one of <paramref name="Classification"/> and <paramref name="Regression"/> is set.</summary>
/// <param name="Source"><c>validation</c> (the job's validation rows) or <c>dataset</c> (a labelled dataset scored later).</param>
/// <param name="Description">The rows in words.</param>
/// <param name="Rows">How many labelled rows were scored.</param>
/// <param name="Task">The model's task.</param>
/// <param name="Classification">Classification metrics, per-class table, confusion matrix, curves, calibration.</param>
/// <param name="Regression">Regression metrics, residual quantiles and points.</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record EvaluationReport(string Source, string Description, int Rows, string Task, ClassificationReport? Classification,
    RegressionReport? Regression, DateTimeOffset ComputedAt);
