namespace AutoMLPlatform.Client.Models;

/// <summary>A classifier's evaluation. <paramref name="ConfusionMatrix"/> rows are true classes, columns predicted ones, in <paramref name="Classes"/> order.</summary>
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
