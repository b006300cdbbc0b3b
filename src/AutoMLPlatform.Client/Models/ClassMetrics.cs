namespace AutoMLPlatform.Client.Models;

/// <summary>One class's row of a classification report.</summary>
public sealed record ClassMetrics(string Class, int Support, double Precision, double Recall, double F1, double? Auc);
