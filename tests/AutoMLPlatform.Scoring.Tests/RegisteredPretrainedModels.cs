using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.Scoring.Tests;

/// <summary>Trains a model on sentence embeddings (<see cref="SemanticTexts"/>, where they win) and registers it the way a job does.</summary>
internal static class RegisteredPretrainedModels
{
    /// <summary>A food/vehicle model reading column <c>text</c>; its package must start with the sentence embedding part.</summary>
    public static async Task<ModelVersion> SemanticAsync(PlatformStores stores, PretrainedNetworks networks, string name, int seed)
    {
        var (table, schema) = await TestTables.LoadAsync(SemanticTexts.Csv(seed));
        var mlContext = new MLContext(seed);
        var result = await new AutoMLExperiment(mlContext, new ExperimentSettings
        {
            LabelColumn = "kind", TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 12, Trainers = ["Lbfgs"], Ensemble = false, Seed = seed, Pretrained = networks,
        }).RunAsync(table, schema, null, CancellationToken.None);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "kind", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        buffer.Position = 0;
        if (ModelPackage.ReadManifest(buffer).Parts[0].Kind != "pretrained-text-embedding")
        {
            throw new InvalidOperationException($"The search chose {result.BestTrial.Hyperparameters["textFeatures"]}; these tests need a model on embeddings.");
        }

        buffer.Position = 0;
        await using var staged = await stores.Blobs.StageAsync(buffer, long.MaxValue, CancellationToken.None);
        await stores.Blobs.CommitAsync(staged, TenantId.Default, BlobKind.Model, CancellationToken.None);
        return await stores.Registry.RegisterAsync(new NewModelVersion(TenantId.Default, name, result.Task, "kind", result.Metric, result.BestTrial.Metrics,
            result.Inputs, result.Labels.Classes, new ModelLineage(DatasetId.New(), 1, null, result.BestTrial.Trainer, result.BestTrial.Hyperparameters),
            staged.Sha256, staged.SizeBytes), CancellationToken.None);
    }
}
