namespace AutoMLPlatform.Client.Models;

/// <summary>One column's drift: population stability index, missing and unseen shares, and the bins compared.</summary>
public sealed record ColumnDrift(string Name, string Kind, long Rows, double? Psi, double? TrainingMissingShare, double? MissingShare, double? UnseenShare,
    IReadOnlyList<DriftBin> Bins);
