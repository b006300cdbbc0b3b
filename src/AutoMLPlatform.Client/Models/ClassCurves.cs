namespace AutoMLPlatform.Client.Models;

/// <summary>One class's ROC and precision-recall curves.</summary>
public sealed record ClassCurves(string Class, IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall);
