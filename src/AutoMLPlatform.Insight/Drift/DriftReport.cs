namespace AutoMLPlatform.Insight.Drift;

/// <summary>The answer of <c>GET /api/models/{name}/versions/{v}/drift</c>.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The version.</param>
/// <param name="Rows">Rows scored by this version (all protocols) on every host: the stored totals plus this host's counts not flushed yet. Always exact.</param>
/// <param name="Monitored">False when drift is off or the version's training data could not be read.</param>
/// <param name="TrainingRows">Rows of training data the reference was built from; 0 when there is none.</param>
/// <param name="Columns">One entry per input column.</param>
/// <param name="Predictions">The predictions against the training labels; null when not monitored.</param>
public sealed record DriftReport(string Model, int Version, long Rows, bool Monitored, long TrainingRows, IReadOnlyList<ColumnDrift> Columns,
    ColumnDrift? Predictions);

/// <summary>One column's drift.</summary>
/// <param name="Name">The column.</param>
/// <param name="Kind"><c>numeric</c> (quantile bins of the training values) or <c>categorical</c> (top values plus "other").</param>
/// <param name="Rows">
/// Scored rows counted for the column, missing values included. Like every count below, an estimate when rows came
/// faster than <see cref="DriftOptions.SampledRowsPerSecond"/> per session (then it may differ from the report's exact rows).
/// </param>
/// <param name="Psi">Population stability index over the present values; null while no present value was scored or without a reference.</param>
/// <param name="TrainingMissingShare">Share of training rows missing the column; null without a reference.</param>
/// <param name="MissingShare">Share of scored rows missing it; null before any row.</param>
/// <param name="UnseenShare">Share of present scored values training never had (categorical columns whose training values were all counted); else null.</param>
/// <param name="Bins">Each bin's label, training share and scored count.</param>
public sealed record ColumnDrift(string Name, string Kind, long Rows, double? Psi, double? TrainingMissingShare, double? MissingShare, double? UnseenShare,
    IReadOnlyList<DriftBin> Bins);

/// <summary>One bin: its label (a numeric bin's lower edge, or a category), the training share and the count of scored values (estimated when sampled).</summary>
public sealed record DriftBin(string Label, double Expected, long Observed);
