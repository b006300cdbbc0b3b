using System.Diagnostics;
using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// Trains a text classifier from scratch: a vocabulary of words, word pairs and character n-grams is learned from
/// the training texts (<see cref="TextVocabulary"/>), and a fastText-style network (<see cref="TextNet"/>) learns
/// on their TF-IDF weights, with class weights for imbalance and early stopping on a stratified validation split.
/// As an ML.NET estimator it reads a text column and a text label column.
/// </summary>
public sealed class TextClassificationTrainer : IEstimator<TextClassificationTransformer>
{
    private readonly MLContext _mlContext;
    private readonly Options _options;

    public TextClassificationTrainer(MLContext mlContext, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        _mlContext = mlContext;
        _options = options ?? new Options();
        _options.Validate();
    }

    public TextClassificationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (texts, labels) = ClassifierSchema.ReadTextColumns(input, _options.TextColumn, _options.LabelColumn);
        return Fit(texts, labels, null, CancellationToken.None);
    }

    /// <summary>Fits on texts and their class names, reporting each epoch and checking <paramref name="cancellationToken"/> after every batch.</summary>
    /// <remarks>A stratified share (<see cref="TorchTrainingOptions.ValidationFraction"/>) of the rows is held out to pick the best epoch.</remarks>
    public TextClassificationTransformer Fit(IReadOnlyList<string> texts, IReadOnlyList<string> labels, IProgress<EpochReport>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Count, texts.Count, nameof(labels));
        var (classes, targets) = Encode(labels);
        var (train, validation) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(targets), _options.ValidationFraction, _options.Seed);
        return Fit(texts, targets, classes, train, validation, progress, cancellationToken);
    }

    /// <summary>
    /// Fits on the <paramref name="train"/> rows and picks the epoch on the <paramref name="validation"/> rows, which
    /// someone else chose (an AutoML fold). With no validation rows, every planned epoch runs and the last is kept:
    /// a refit on all rows whose epoch count was found before.
    /// </summary>
    public TextClassificationTransformer Fit(TextExamples train, TextExamples validation, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfNotEqual(train.Labels.Count, train.Texts.Count, nameof(train));
        ArgumentOutOfRangeException.ThrowIfNotEqual(validation.Labels.Count, validation.Texts.Count, nameof(validation));
        var (classes, targets) = Encode([.. train.Labels, .. validation.Labels]);
        var trainRows = Enumerable.Range(0, train.Count).ToArray();
        var validationRows = Enumerable.Range(train.Count, validation.Count).ToArray();
        return Fit([.. train.Texts, .. validation.Texts], targets, classes, trainRows, validationRows, progress, cancellationToken);
    }

    private (string[] Classes, int[] Targets) Encode(IReadOnlyList<string> labels)
    {
        var classes = _options.Classes?.ToArray() ?? labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw new ArgumentException("Training a classifier needs texts of at least two classes.", nameof(labels));
        }

        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var targets = labels.Select(l => index.TryGetValue(l, out var i) ? i : throw new ArgumentException($"The label '{l}' is not one of the classes.", nameof(labels))).ToArray();
        return (classes, targets);
    }

    private TextClassificationTransformer Fit(IReadOnlyList<string> texts, int[] targets, string[] classes, int[] train, int[] validation,
        IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TorchNative.EnsureLoaded();
        var vocabulary = TextVocabulary.Build(train.Select(r => texts[r]).ToArray(), _options.Features, cancellationToken);
        var rows = texts.Select(vocabulary.Featurize).ToArray();

        TorchSharp.torch.random.manual_seed(_options.Seed);
        var network = new TextNet(vocabulary.Count, _options.EmbeddingDimension, classes.Length, _options.Dropout);
        network.SetVocabulary(vocabulary);
        // Learning the vocabulary and featurising every text take seconds on large sets: part of the time limit.
        var summary = new EpochLoop(_options, progress, cancellationToken, clock.Elapsed)
            .Run(network, x => network.call(x[0], x[1], x[2]), new TextTrainingSet(rows, targets, _options.FeatureDropout), classes.Length, train, validation,
                _options.L2 > 0 ? () => network.Penalty(_options.L2) : null);
        network.eval();
        var settings = new Dictionary<string, object>
        {
            ["network"] = $"embedding-bag({vocabulary.Count}x{_options.EmbeddingDimension})-linear",
            ["word_features"] = vocabulary.WordFeatures,
            ["char_features"] = vocabulary.Count - vocabulary.WordFeatures,
            ["batch_size"] = _options.BatchSize,
            ["learning_rate"] = _options.LearningRate,
        };
        return new TextClassificationTransformer(_mlContext, new TextModel(network, vocabulary, classes), _options.TextColumn, summary with { Settings = settings });
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ClassifierSchema.OutputShape(_mlContext, inputSchema, _options.TextColumn, _options.LabelColumn);

    /// <summary>Hyperparameters of the text trainer; the shared ones are in <see cref="TorchTrainingOptions"/>.</summary>
    public sealed class Options : TorchTrainingOptions
    {
        public const double DefaultLearningRate = 0.02;
        public const int DefaultEmbeddingDimension = 16;
        public const double DefaultDropout = 0.2;
        public const double DefaultFeatureDropout = 0.5;
        public const double DefaultL2 = 1e-5;

        /// <summary>The measured defaults (docs/torch.md): a high rate, half the features dropped, the epoch picked by log loss.</summary>
        public Options()
        {
            LearningRate = DefaultLearningRate;
            SelectBy = EpochSelection.LogLoss;
        }

        /// <summary>The column of texts.</summary>
        /// <value>Defaults to <c>Text</c>.</value>
        public string TextColumn { get; set; } = "Text";

        /// <summary>The column of class names.</summary>
        /// <value>Defaults to <c>Label</c>.</value>
        public string LabelColumn { get; set; } = "Label";

        /// <summary>The class names in the order the model uses (binary: negative, then positive); null for ordinal order of the labels.</summary>
        /// <value>Defaults to null.</value>
        public IReadOnlyList<string>? Classes { get; set; }

        /// <summary>What the texts are turned into.</summary>
        public TextFeatureSettings Features { get; set; } = new();

        /// <summary>Size of the dense vector a text is summed into.</summary>
        /// <value>Defaults to 16.</value>
        public int EmbeddingDimension { get; set; } = DefaultEmbeddingDimension;

        /// <summary>Dropout on that vector while training.</summary>
        /// <value>Defaults to 0.2.</value>
        public double Dropout { get; set; } = DefaultDropout;

        /// <summary>Strength of an L2 penalty on the embedding weights, added to every batch's loss.</summary>
        /// <value>Defaults to 1e-5.</value>
        public double L2 { get; set; } = DefaultL2;

        /// <summary>Share of a training text's features dropped at random in each epoch.</summary>
        /// <value>Defaults to 0.5.</value>
        public double FeatureDropout { get; set; } = DefaultFeatureDropout;

        public override void Validate()
        {
            base.Validate();
            ArgumentException.ThrowIfNullOrWhiteSpace(TextColumn, nameof(TextColumn));
            ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumn, nameof(LabelColumn));
            ArgumentNullException.ThrowIfNull(Features, nameof(Features));
            Features.Validate();
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EmbeddingDimension, nameof(EmbeddingDimension));
            if (!(Dropout >= 0 && Dropout < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout lies in [0, 1).");
            }

            if (!(L2 >= 0 && double.IsFinite(L2)))
            {
                throw new ArgumentOutOfRangeException(nameof(L2), L2, "The L2 strength cannot be negative.");
            }

            if (!(FeatureDropout >= 0 && FeatureDropout < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(FeatureDropout), FeatureDropout, "Feature dropout lies in [0, 1).");
            }
        }
    }
}
