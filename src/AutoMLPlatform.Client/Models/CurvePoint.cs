namespace AutoMLPlatform.Client.Models;

/// <summary>A point of a curve at a score threshold.</summary>
public sealed record CurvePoint(double Threshold, double X, double Y);
