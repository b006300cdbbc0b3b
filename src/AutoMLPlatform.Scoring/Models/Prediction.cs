namespace AutoMLPlatform.Scoring.Models;

/// <summary>One row's answer: a class with its probabilities (classification) or a value (regression).</summary>
/// <param name="Label">The predicted class, or null for regression.</param>
/// <param name="Value">The predicted value for regression; the raw score for classification without probabilities.</param>
/// <param name="Probabilities">One per class in the model's class order, or null when the model gives none.</param>
public readonly record struct Prediction(string? Label, float? Value, float[]? Probabilities);
