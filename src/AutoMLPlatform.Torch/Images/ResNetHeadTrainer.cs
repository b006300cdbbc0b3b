using AutoMLPlatform.Pretrained.Images;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Trains the linear head over ResNet18 features already extracted for every image: the features are standardised
/// with the training rows' statistics, then the shared <see cref="EpochLoop"/> fits a multinomial logistic regression
/// (AdamW with weight decay as its L2 penalty) and keeps the best epoch on the same validation rows the from-scratch
/// network is judged on. A pass over the features costs milliseconds, so the head trains to convergence.
/// </summary>
internal sealed class ResNetHeadTrainer(MLContext mlContext, ResNetHeadTrainer.Options options)
{
    public ResNetImageClassificationTransformer Fit(ImageDataset data, ImageFeatureExtractor extractor, float[] features, int[] train, int[] validation,
        ImageDecodeBudget budget, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        TorchNative.EnsureLoaded();
        var dimension = ImageFeatureExtractor.Dimension;
        var scaling = FeatureScaling.Measure(features, dimension, train);
        TorchSharp.torch.random.manual_seed(options.Seed);
        var head = ResNetHead.Create(data.Classes.Count);
        var set = new FeatureTrainingSet(features, dimension, scaling, data.Labels);
        var summary = new EpochLoop(options, progress, cancellationToken).Run(head, x => head.call(x[0]), set, data.Classes.Count, train, validation);
        head.eval();
        var settings = new Dictionary<string, object>
        {
            ["network"] = $"{extractor.Asset.Name} features + linear head",
            ["batch_size"] = options.BatchSize,
            ["learning_rate"] = options.LearningRate,
            ["weight_decay"] = options.WeightDecay,
            ["input"] = $"{data.Shape.Channels}x{data.Shape.Height}x{data.Shape.Width} resized to {ImageFeatureExtractor.InputSide}x{ImageFeatureExtractor.InputSide}",
        };
        return new ResNetImageClassificationTransformer(mlContext, new ResNetImageModel(extractor, head, data.Shape, scaling, data.Classes, budget),
            options.ImageColumn, summary with { Settings = settings });
    }

    /// <summary>Hyperparameters of the head.</summary>
    public sealed class Options : TorchTrainingOptions
    {
        public Options()
        {
            BatchSize = 128;
            LearningRate = 1e-2;
            WeightDecay = 1e-2;
            MaxEpochs = 100;
            Patience = 10;
            SelectBy = EpochSelection.LogLoss;
        }

        /// <summary>The column of base64-encoded images the model reads.</summary>
        public string ImageColumn { get; set; } = "Image";
    }
}
