namespace AutoMLPlatform.Client.Models;

/// <summary>Drift of the rows a version scored against its training data, per input column and for the predictions.</summary>
/// <param name="Model">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Rows">Rows the version scored, on every host.</param>
/// <param name="Monitored">False when drift is off or the training data could not be read.</param>
/// <param name="TrainingRows">Training rows the reference was built from.</param>
/// <param name="Columns">One entry per input column.</param>
/// <param name="Predictions">The predictions against the training labels.</param>
public sealed record DriftReport(string Model, int Version, long Rows, bool Monitored, long TrainingRows, IReadOnlyList<ColumnDrift> Columns,
    ColumnDrift? Predictions);
