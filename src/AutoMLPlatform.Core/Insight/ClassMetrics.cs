namespace AutoMLPlatform.Core.Insight;

/// <summary>One class, treated as the positive one against the rest. A ratio with a zero denominator is 0, as scikit-learn reports it.</summary>
/// <param name="Class">The class name.</param>
/// <param name="Support">Rows whose true class this is.</param>
/// <param name="Precision">Of the rows predicted as this class, the share that are.</param>
/// <param name="Recall">Of the rows of this class, the share predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Auc">One-vs-rest area under the ROC curve of this class's probability; null when the class is absent or everywhere.</param>
public sealed record ClassMetrics(string Class, int Support, double Precision, double Recall, double F1, double? Auc);
