using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Trains a small convolutional network (<see cref="ConvNet"/>) to classify images, from scratch, on the CPU.
/// Images are decoded to one shape (<see cref="ImageSizing"/>), normalised per channel, augmented with random
/// shifts and (where <see cref="FlipPolicy"/> finds it safe) mirroring; the best epoch on a stratified validation
/// split is kept. As an ML.NET estimator it reads a text column of base64-encoded images and a text label column.
/// </summary>
public sealed class ImageClassificationTrainer : IEstimator<ImageClassificationTransformer>
{
    private readonly MLContext _mlContext;
    private readonly Options _options;

    public ImageClassificationTrainer(MLContext mlContext, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        _mlContext = mlContext;
        _options = options ?? new Options();
        _options.Validate();
    }

    /// <summary>Fits on a data view with a base64 image column and a text label column.</summary>
    public ImageClassificationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (images, labels) = ClassifierSchema.ReadTextColumns(input, _options.ImageColumn, _options.LabelColumn);
        var encoded = images.Select(Convert.FromBase64String).ToArray();
        return Fit(ImageDataset.FromEncoded(encoded, labels, _options.Sizing), null, CancellationToken.None);
    }

    /// <summary>Fits on decoded images, reporting each epoch and checking <paramref name="cancellationToken"/> after every batch.</summary>
    public ImageClassificationTransformer Fit(ImageDataset data, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Classes.Count < 2)
        {
            throw new ArgumentException("Training a classifier needs images of at least two classes.", nameof(data));
        }

        var (train, validation) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(data.Labels), _options.ValidationFraction, _options.Seed);
        return Fit(data, train, validation, progress, cancellationToken);
    }

    /// <summary>Fits on the <paramref name="train"/> rows, keeping the epoch that scores best on the <paramref name="validation"/> rows.</summary>
    internal ImageClassificationTransformer Fit(ImageDataset data, int[] train, int[] validation, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        TorchNative.EnsureLoaded();
        var classCount = data.Classes.Count;
        var normalization = PixelNormalization.Measure(data, train);
        var flip = _options.Flip switch
        {
            FlipMode.On => true,
            FlipMode.Off => false,
            _ => FlipPolicy.ShouldFlip(data, train, classCount),
        };
        var maxShift = _options.MaxShift ?? Math.Max(1, (int)Math.Round(Math.Min(data.Shape.Height, data.Shape.Width) / 14.0));

        TorchSharp.torch.random.manual_seed(_options.Seed);
        var network = new ConvNet(data.Shape, classCount);
        var set = new ImageTrainingSet(data, normalization, flip, maxShift);
        var summary = new EpochLoop(_options, progress, cancellationToken).Run(network, x => network.call(x[0]), set, classCount, train, validation);
        network.eval();
        return new ImageClassificationTransformer(_mlContext, new ImageModel(network, data.Shape, normalization, data.Classes,
            new ImageDecodeBudget(ImageDecodeLimits.Default)), _options.ImageColumn,
            summary with { Settings = Settings(flip, maxShift, data.Shape) });
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ClassifierSchema.OutputShape(_mlContext, inputSchema, _options.ImageColumn, _options.LabelColumn);

    private Dictionary<string, object> Settings(bool flip, int maxShift, ImageShape shape) => new()
    {
        ["network"] = "conv32-pool-conv64-pool-fc128",
        ["batch_size"] = _options.BatchSize,
        ["learning_rate"] = _options.LearningRate,
        ["seed"] = _options.Seed,
        ["patience"] = _options.Patience,
        ["flip"] = flip,
        ["max_shift"] = maxShift,
        ["input"] = $"{shape.Channels}x{shape.Height}x{shape.Width}",
    };

    /// <summary>Hyperparameters of the image trainer; the shared ones are in <see cref="TorchTrainingOptions"/>.</summary>
    public sealed class Options : TorchTrainingOptions
    {
        public const double DefaultLearningRate = 2e-3;

        public Options()
        {
            LearningRate = DefaultLearningRate;
        }

        /// <summary>The column of base64-encoded images.</summary>
        /// <value>Defaults to <c>Image</c>.</value>
        public string ImageColumn { get; set; } = "Image";

        /// <summary>The column of class names.</summary>
        /// <value>Defaults to <c>Label</c>.</value>
        public string LabelColumn { get; set; } = "Label";

        /// <summary>Whether to mirror images while training.</summary>
        /// <value>Defaults to <see cref="FlipMode.Auto"/>.</value>
        public FlipMode Flip { get; set; } = FlipMode.Auto;

        /// <summary>Largest random shift, in pixels; null for a fourteenth of the shorter side (2 pixels at 28x28).</summary>
        /// <value>Defaults to null.</value>
        public int? MaxShift { get; set; }

        /// <summary>How images are sized for the network.</summary>
        public ImageSizing Sizing { get; set; } = new();

        public override void Validate()
        {
            base.Validate();
            ArgumentException.ThrowIfNullOrWhiteSpace(ImageColumn, nameof(ImageColumn));
            ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumn, nameof(LabelColumn));
            ArgumentNullException.ThrowIfNull(Sizing, nameof(Sizing));
            ArgumentOutOfRangeException.ThrowIfNegative(MaxShift ?? 0, nameof(MaxShift));
            ArgumentOutOfRangeException.ThrowIfLessThan(Sizing.ResizeSide, ImageShape.MinSide, nameof(Sizing));
        }
    }
}
