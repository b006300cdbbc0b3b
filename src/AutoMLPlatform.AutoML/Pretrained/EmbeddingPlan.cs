using AutoMLPlatform.Pretrained.Text;

namespace AutoMLPlatform.AutoML.Pretrained;

/// <summary>
/// Whether an experiment offers sentence embeddings, decided before its first trial from what encoding every distinct
/// text would cost (measured on a sample) against the budget, and the vectors of that sample.
/// </summary>
/// <param name="Encoder">The encoder to use; null when embeddings are not offered.</param>
/// <param name="TextColumns">The free-text columns that get vectors.</param>
/// <param name="Texts">Every distinct text of those columns.</param>
/// <param name="Sample">Vectors already computed while measuring.</param>
/// <param name="Deadline">Time the encoding of the rest may take before the experiment goes on without it.</param>
/// <param name="Note">What was decided and why, for the text columns' decisions.</param>
internal sealed record EmbeddingPlan(
    SentenceEncoder? Encoder,
    IReadOnlyList<string> TextColumns,
    IReadOnlyList<string> Texts,
    IReadOnlyDictionary<string, float[]> Sample,
    TimeSpan Deadline,
    string? Note)
{
    public static EmbeddingPlan None(string? note = null) => new(null, [], [], new Dictionary<string, float[]>(), TimeSpan.Zero, note);

    public bool Offered => Encoder is not null;
}
