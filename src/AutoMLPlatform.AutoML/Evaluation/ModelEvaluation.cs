namespace AutoMLPlatform.AutoML.Evaluation;

/// <summary>A model's metrics on a labelled table, by wire name, and how many labelled rows they cover.</summary>
public sealed record ModelEvaluation(IReadOnlyDictionary<string, double> Metrics, int Rows);
