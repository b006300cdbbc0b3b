namespace AutoMLPlatform.Client.Models;

/// <summary>A bin: its label, the training share and the count of scored values.</summary>
public sealed record DriftBin(string Label, double Expected, long Observed);
