namespace AutoMLPlatform.Core.Insight;

/// <summary>Classification quality. Binary reports the positive class (the second) in <see cref="Curves"/>; multiclass one curve pair per class (one-vs-rest).</summary>
/// <param name="Accuracy">Share of rows whose most probable class is the true one (binary: probability ≥ 0.5).</param>
/// <param name="MacroPrecision">Unweighted mean of the per-class precisions.</param>
/// <param name="MacroRecall">Unweighted mean of the per-class recalls.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1 scores.</param>
/// <param name="Auc">Binary: area under the ROC curve. Multiclass: unweighted mean of the one-vs-rest AUCs. Null when a class is absent.</param>
/// <param name="LogLoss">Mean negative natural log of the true class's probability, clipped to [1e-15, 1 − 1e-15].</param>
/// <param name="Classes">Per-class metrics, in the model's class order.</param>
/// <param name="ConfusionMatrix">Row = true class, column = predicted class, in the model's class order.</param>
/// <param name="Curves">ROC and precision-recall points, at most a bounded number each.</param>
/// <param name="Calibration">Binary: the positive probability by bins. Multiclass: the top class's probability by bins against how often it was right.</param>
public sealed record ClassificationReport(
    double Accuracy,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    double? Auc,
    double LogLoss,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    IReadOnlyList<ClassCurves> Curves,
    IReadOnlyList<CalibrationBin> Calibration);
