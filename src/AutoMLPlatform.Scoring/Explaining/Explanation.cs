namespace AutoMLPlatform.Scoring.Explaining;

/// <summary>
/// Why one row scored as it did: <see cref="Base"/> (the score of the reference row, every column absent) plus the
/// sum of <see cref="Contributions"/> (one per input column, in the model's column order) equals <see cref="Score"/>.
/// </summary>
internal sealed record Explanation(double Base, double Score, double[] Contributions, ExplanationMethod Method);
