namespace AutoMLPlatform.Core.Jobs;

/// <summary>
/// Rows a job must not train on: the share <see cref="Fraction"/> of the dataset version, chosen by a seeded split
/// (stratified by class for classification). The same spec over the same version always names the same rows, so a
/// retraining pipeline can score the trained model, and the model it may replace, on rows the new one never saw.
/// </summary>
/// <param name="Fraction">Share of rows held out, between 0 and 1 (exclusive).</param>
/// <param name="Seed">Seed of the split.</param>
public sealed record HoldoutSpec(double Fraction, int Seed);
