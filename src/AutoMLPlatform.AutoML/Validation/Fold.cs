namespace AutoMLPlatform.AutoML.Validation;

/// <summary>One training/validation split, as row indices into the labelled table (each sorted).</summary>
internal sealed record Fold(int[] Train, int[] Validation);
