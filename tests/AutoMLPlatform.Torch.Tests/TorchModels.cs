using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Text;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Tests;

/// <summary>Small Torch models trained once per test run (training is the slow part), and package helpers.</summary>
internal static class TorchModels
{
    private static readonly Lazy<TextClassificationTransformer> SentimentModel = new(() =>
    {
        var (texts, labels) = TestTexts.Make(TestTexts.Sentiments, 400);
        return new TextClassificationTrainer(new MLContext(1), new TextClassificationTrainer.Options { TextColumn = "review", MaxEpochs = 6 })
            .Fit(texts, labels, null, CancellationToken.None);
    });

    private static readonly Lazy<ImageClassificationTransformer> BlobModel = new(() =>
        new ImageClassificationTrainer(new MLContext(1), new ImageClassificationTrainer.Options { ImageColumn = "image", MaxEpochs = 8 })
            .Fit(ImageDataset.FromZip(new MemoryStream(TestImages.BlobsZip(perClass: 40)), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None),
                null, CancellationToken.None));

    /// <summary>A binary text model over column <c>review</c>, classes bad/good. Shared: do not dispose.</summary>
    public static TextClassificationTransformer Sentiment => SentimentModel.Value;

    /// <summary>A three-class image model over column <c>image</c> (base64). Shared: do not dispose.</summary>
    public static ImageClassificationTransformer Blobs => BlobModel.Value;

    public static IModelPartLoader[] Loaders => [.. TorchModelParts.Loaders()];

    public static ModelManifest Manifest(TaskKind task, IReadOnlyList<string> classes, string column, ColumnType type) =>
        new(ModelManifest.CurrentFormatVersion, task, "label", classes, [new ModelInputColumn(column, type, false)], "test", []);

    /// <summary>Writes <paramref name="model"/> as a package and reads it back.</summary>
    public static LoadedModel RoundTrip(ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, new MLContext(1), model, inputSchema, manifest);
        buffer.Position = 0;
        return ModelPackage.Read(buffer, new MLContext(2), Loaders);
    }
}
