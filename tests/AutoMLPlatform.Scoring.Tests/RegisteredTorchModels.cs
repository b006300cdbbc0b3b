using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.External;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Text;
using Microsoft.ML;

namespace AutoMLPlatform.Scoring.Tests;

/// <summary>Trains small Torch models and registers them the way a job does, in one model package.</summary>
internal static class RegisteredTorchModels
{
    /// <summary>A bad/good text model reading column <c>review</c>.</summary>
    public static async Task<ModelVersion> TextAsync(PlatformStores stores, string name)
    {
        var (texts, labels) = TestTexts.Make(TestTexts.Sentiments, 400);
        using var model = new TextClassificationTrainer(new MLContext(1), new TextClassificationTrainer.Options { TextColumn = "review", MaxEpochs = 6 })
            .Fit(texts, labels, null, CancellationToken.None);
        return await RegisterAsync(stores, name, model, TaskKind.Binary, model.Classes, [new ModelInputColumn("review", ColumnType.Text, false)]);
    }

    /// <summary>
    /// A bad/good text model as the AutoML search returns it when the Torch text classifier wins (the only trainer
    /// allowed here), registered the way a job registers the search's result.
    /// </summary>
    public static async Task<ModelVersion> SearchedTextAsync(PlatformStores stores, string name)
    {
        var (table, schema) = await TestTables.LoadAsync(TestTexts.Csv(TestTexts.Sentiments, 300));
        var result = await new AutoMLExperiment(new MLContext(1), new ExperimentSettings
        {
            LabelColumn = "label",
            TimeBudget = TimeSpan.FromSeconds(120),
            MaxTrials = 1,
            Trainers = [],
            ExternalTrainers = [new TorchTextTrainer()],
        }).RunAsync(table, schema, monitor: null, CancellationToken.None);
        return await RegisterAsync(stores, name, result.Model, result.Task, result.Labels.Classes, [.. result.Inputs], result.InputSchema);
    }

    /// <summary>A three-class image model reading base64 images from column <c>image</c>.</summary>
    public static async Task<ModelVersion> ImageAsync(PlatformStores stores, string name)
    {
        var data = ImageDataset.FromZip(new MemoryStream(TestImages.BlobsZip(perClass: 40)), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);
        using var model = new ImageClassificationTrainer(new MLContext(1), new ImageClassificationTrainer.Options { ImageColumn = "image", MaxEpochs = 8 })
            .Fit(data, null, CancellationToken.None);
        return await RegisterAsync(stores, name, model, TaskKind.Multiclass, model.Classes, [new ModelInputColumn("image", ColumnType.Image, false)]);
    }

    /// <summary>
    /// A ten-class digit model on ResNet18 features (20 training digits a class from the shared <c>digits</c> data, the
    /// from-scratch network left out), reading base64 images from column <c>image</c>.
    /// </summary>
    public static async Task<ModelVersion> ResNetDigitsAsync(PlatformStores stores, PretrainedNetworks networks, string name, int seed)
    {
        var data = ImageDataset.FromZip(new MemoryStream(SharedImages.Zip("digits", "train", perClass: 20)), ImageZipLimits.Default, new ImageSizing(),
            CancellationToken.None);
        var search = new ImageSearch(new MLContext(seed), new ImageSearch.Options
        {
            TimeLimit = TimeSpan.FromMinutes(10),
            Seed = seed,
            ImageColumn = "image",
            ScratchNetwork = false,
            ResNetShare = 1,
        }, networks);
        using var model = search.Run(data, null, CancellationToken.None).Best;
        return await RegisterAsync(stores, name, model, TaskKind.Multiclass, model.Classes, [new ModelInputColumn("image", ColumnType.Image, false)]);
    }

    private static async Task<ModelVersion> RegisterAsync(PlatformStores stores, string name, ITransformer model, TaskKind task,
        IReadOnlyList<string> classes, ModelInputColumn[] inputs, DataViewSchema? inputSchema = null)
    {
        using var buffer = new MemoryStream();
        var mlContext = new MLContext(1);
        ModelPackage.Write(buffer, mlContext, model, inputSchema ?? mlContext.Data.LoadFromEnumerable(Array.Empty<object>()).Schema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, task, "label", classes, inputs, "test", []));
        buffer.Position = 0;
        await using var staged = await stores.Blobs.StageAsync(buffer, long.MaxValue, CancellationToken.None);
        await stores.Blobs.CommitAsync(staged, TenantId.Default, BlobKind.Model, CancellationToken.None);
        return await stores.Registry.RegisterAsync(new NewModelVersion(TenantId.Default, name, task, "label", Core.Modeling.Metrics.DefaultFor(task),
            new Dictionary<string, double>(), inputs, classes, new ModelLineage(DatasetId.New(), 1, null, "test", new Dictionary<string, object>()),
            staged.Sha256, staged.SizeBytes), CancellationToken.None);
    }
}
