namespace AutoMLPlatform.Core.Drift;

/// <summary>
/// One stored drift counter of a model version: how many scored values fell in <paramref name="Bin"/> of
/// <paramref name="Column"/>, summed over every host that scored the version. The numbering is the scoring service's:
/// a column is an input's index (negative numbers mark the predictions and the row count), a bin a reference bin's
/// index (negative numbers mark missing and unseen values).
/// </summary>
public readonly record struct DriftCount(int Column, int Bin, long Count);
