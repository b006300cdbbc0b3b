namespace AutoMLPlatform.Core.Insight;

/// <summary>A point of a curve: predicting the class when its probability is at least <paramref name="Threshold"/> gives (<paramref name="X"/>, <paramref name="Y"/>).</summary>
public sealed record CurvePoint(double Threshold, double X, double Y);
