using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>
/// One pooled <c>PredictionEngine</c> with the row it reads and the answer it writes. A caller rents a session from its
/// <see cref="ScoringModel"/>, fills <see cref="Row"/>, calls <see cref="Predict"/>, reads <see cref="Output"/> (as often
/// as it has rows), and returns the session. Not thread-safe: one caller at a time, as for the engine itself.
/// </summary>
internal abstract class ScoringSession(RowTarget row, PredictionValues output) : IDisposable
{
    public RowTarget Row { get; } = row;

    public PredictionValues Output { get; } = output;

    /// <summary>Predicts the current <see cref="Row"/> into <see cref="Output"/>.</summary>
    public abstract void Predict();

    /// <summary>Disposes the engine; called once the model is released.</summary>
    public abstract void Dispose();
}
