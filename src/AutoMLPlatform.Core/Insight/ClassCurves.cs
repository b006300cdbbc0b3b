namespace AutoMLPlatform.Core.Insight;

/// <summary>ROC (x = false-positive rate, y = true-positive rate) and precision-recall (x = recall, y = precision) points of one class's probability.</summary>
public sealed record ClassCurves(string Class, IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall);
