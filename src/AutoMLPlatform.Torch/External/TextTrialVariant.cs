using AutoMLPlatform.Torch.Text;

namespace AutoMLPlatform.Torch.External;

/// <summary>
/// The settings one AutoML trial of the text classifier trains with. The first attempt uses the measured defaults
/// (docs/torch.md); later attempts try the other settings that came close there, then repeat with new seeds.
/// </summary>
internal sealed record TextTrialVariant(int EmbeddingDimension, double LearningRate, double FeatureDropout, double Dropout)
{
    private static readonly TextTrialVariant[] Sequence =
    [
        new(TextClassificationTrainer.Options.DefaultEmbeddingDimension, TextClassificationTrainer.Options.DefaultLearningRate,
            TextClassificationTrainer.Options.DefaultFeatureDropout, TextClassificationTrainer.Options.DefaultDropout),

        // Wider and slower: austen (6 classes) liked 32 dimensions better than 16.
        new(32, 0.01, TextClassificationTrainer.Options.DefaultFeatureDropout, TextClassificationTrainer.Options.DefaultDropout),

        // Less input dropout, more on the embedding: for short texts, where dropping half the features leaves little.
        new(TextClassificationTrainer.Options.DefaultEmbeddingDimension, TextClassificationTrainer.Options.DefaultLearningRate, 0.25, 0.4),
    ];

    /// <summary>The variant of the <paramref name="attempt"/>-th trial (1-based), cycling through the sequence.</summary>
    public static TextTrialVariant For(int attempt) => Sequence[(Math.Max(attempt, 1) - 1) % Sequence.Length];

    public TextClassificationTrainer.Options ToOptions(string textColumn, IReadOnlyList<string> classes, int seed) => new()
    {
        TextColumn = textColumn,
        Classes = classes,
        Seed = seed,
        EmbeddingDimension = EmbeddingDimension,
        LearningRate = LearningRate,
        FeatureDropout = FeatureDropout,
        Dropout = Dropout,
    };
}
