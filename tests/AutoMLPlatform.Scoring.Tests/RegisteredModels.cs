using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;

namespace AutoMLPlatform.Scoring.Tests;

/// <summary>Trains a small model on a CSV and registers it, the way a job would, for tests that need a real model.</summary>
internal static class RegisteredModels
{
    /// <param name="trainer">When given, the only trainer the search may use, and no ensemble: a model of a known kind.</param>
    /// <param name="trainedOn">The dataset version the lineage names (drift compares with it); a made-up one when null.</param>
    /// <param name="hashed">A column to mark for hashing, as an upload's <c>hashColumns</c> does; it trains under the default tenant's key.</param>
    public static async Task<ModelVersion> TrainAndRegisterAsync(PlatformStores stores, string csv, string label, string name, int maxTrials = 1,
        string? trainer = null, DatasetVersion? trainedOn = null, string? hashed = null)
    {
        var (table, schema) = await TestTables.LoadAsync(csv);
        var mlContext = new MLContext(1);
        var settings = new ExperimentSettings
        {
            LabelColumn = label, TimeBudget = TimeSpan.FromSeconds(30), MaxTrials = maxTrials, Trainers = trainer is null ? null : [trainer], Ensemble = trainer is null,
            KeyedHasher = hashed is null ? null : await stores.Services.GetRequiredService<IKeyedHasherSource>().ForTenantAsync(TenantId.Default, CancellationToken.None),
        };
        schema = hashed is null ? schema : HashedTables.MarkHashed(schema, hashed);
        var result = await new AutoMLExperiment(mlContext, settings)
            .RunAsync(table, schema, null, CancellationToken.None);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, label, result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        buffer.Position = 0;
        await using var staged = await stores.Blobs.StageAsync(buffer, long.MaxValue, CancellationToken.None);
        await stores.Blobs.CommitAsync(staged, TenantId.Default, BlobKind.Model, CancellationToken.None);
        return await stores.Registry.RegisterAsync(new NewModelVersion(TenantId.Default, name, result.Task, label, result.Metric, result.BestTrial.Metrics,
            result.Inputs, result.Labels.Classes, new ModelLineage(trainedOn?.DatasetId ?? DatasetId.New(), trainedOn?.Version ?? 1, null, result.BestTrial.Trainer, result.BestTrial.Hyperparameters),
            staged.Sha256, staged.SizeBytes), CancellationToken.None);
    }
}
