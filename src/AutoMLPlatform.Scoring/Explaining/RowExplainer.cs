using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Explaining;

/// <summary>
/// Explains one model version's predictions per input column. Made on the first <c>?explain=true</c> request for the
/// version, never on the plain predict path; thread-safe (each call builds its own rows and cursors).
/// </summary>
internal abstract class RowExplainer
{
    /// <summary>At most this many columns are explained exactly (2^n model evaluations); more are sampled.</summary>
    public const int ExactMaxColumns = 10;

    /// <summary>Model evaluations one sampled explanation may spend, about the cost of an exact one at the limit.</summary>
    public const int SamplingBudget = 1 << ExactMaxColumns;

    /// <summary>
    /// Explains the row in <paramref name="row"/>, which <paramref name="answer"/> is the prediction of (it picks the
    /// class whose probability a multiclass model explains).
    /// </summary>
    public abstract Explanation Explain(RowTarget row, PredictionValues answer, CancellationToken cancellationToken);
}
