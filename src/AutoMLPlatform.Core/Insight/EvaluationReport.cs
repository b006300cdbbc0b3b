using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Core.Insight;

/// <summary>
/// How a model version did on rows it never trained on: the engine's validation predictions at the end of its job,
/// or a labelled dataset scored later. Exactly one of <see cref="Classification"/> and <see cref="Regression"/> is set.
/// </summary>
/// <param name="Source">Where the rows came from.</param>
/// <param name="Description">The rows in words, e.g. "out-of-fold predictions of 5-fold cross-validation".</param>
/// <param name="Rows">How many labelled rows were scored.</param>
/// <param name="Task">The model's task.</param>
/// <param name="Classification">Classification metrics, curves and tables.</param>
/// <param name="Regression">Regression metrics, residuals and points.</param>
/// <param name="ComputedAt">When the report was computed.</param>
public sealed record EvaluationReport(
    EvaluationSource Source,
    string Description,
    int Rows,
    TaskKind Task,
    ClassificationReport? Classification,
    RegressionReport? Regression,
    DateTimeOffset ComputedAt);
