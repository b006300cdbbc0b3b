using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.ML;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// Trains the benchmark's model with the platform's engine and registers it as a job would. By default one trial: the
/// engine's own first choice (its cheapest starting point, Sdca on credit, under 1 µs a row, so the pool's own cost shows
/// most), or the one trainer named (LightGbm: a few small trees at its low-cost start). More trials give the model a
/// search of that length would serve (e.g. <c>--trainer LightGbm --trials 30</c>: bigger trees, maybe an ensemble).
/// </summary>
internal static class CreditModel
{
    public const string Name = "credit";
    public const string Label = "Status";

    public static async Task<ModelVersion> TrainAndRegisterAsync(string trainCsv, IBlobStore blobs, IDatasetStore datasets, IModelRegistry registry,
        string? trainer, int trials, CancellationToken cancellationToken)
    {
        var profile = await TableProfiler.ProfileAsync(File.OpenRead(trainCsv), ',', cancellationToken);
        var table = await TableLoader.LoadAsync(File.OpenRead(trainCsv), ',', profile.Schema, cancellationToken);
        var trainedOn = await StoreDatasetAsync(trainCsv, profile, blobs, datasets, cancellationToken);
        var mlContext = new MLContext(1);
        var settings = new ExperimentSettings
        {
            LabelColumn = Label, TimeBudget = TimeSpan.FromSeconds(60), MaxTrials = trials, Trainers = trainer is null ? null : [trainer],
        };
        var result = await new AutoMLExperiment(mlContext, settings).RunAsync(table, profile.Schema, null, cancellationToken);
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, Label, result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        buffer.Position = 0;
        await using var staged = await blobs.StageAsync(buffer, long.MaxValue, cancellationToken);
        await blobs.CommitAsync(staged, TenantId.Default, BlobKind.Model, cancellationToken);
        return await registry.RegisterAsync(new NewModelVersion(TenantId.Default, Name, result.Task, Label, result.Metric, result.BestTrial.Metrics,
            result.Inputs, result.Labels.Classes, new ModelLineage(trainedOn.DatasetId, trainedOn.Version, null, result.BestTrial.Trainer, result.BestTrial.Hyperparameters),
            staged.Sha256, staged.SizeBytes), cancellationToken);
    }

    /// <summary>The held-out rows of <paramref name="path"/>, as column name to cell text.</summary>
    public static async Task<List<Dictionary<string, string>>> ReadRowsAsync(string path, CancellationToken cancellationToken)
    {
        using var csv = new CsvReader(File.OpenRead(path));
        var header = new List<string>();
        await csv.ReadRecordAsync(header, cancellationToken);
        var rows = new List<Dictionary<string, string>>();
        var fields = new List<string>();
        while (await csv.ReadRecordAsync(fields, cancellationToken))
        {
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    /// <summary>Stores the training file as a dataset version, as an upload would, so the model's lineage (and its drift reference) can read it.</summary>
    private static async Task<DatasetVersion> StoreDatasetAsync(string trainCsv, TableProfile profile, IBlobStore blobs, IDatasetStore datasets,
        CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(trainCsv);
        await using var staged = await blobs.StageAsync(content, long.MaxValue, cancellationToken);
        await blobs.CommitAsync(staged, TenantId.Default, BlobKind.Dataset, cancellationToken);
        return await datasets.AddVersionAsync(TenantId.Default, Name,
            new NewDatasetVersion(staged.Sha256, staged.SizeBytes, profile.RowCount, DatasetFormat.Csv, profile.Schema), cancellationToken);
    }
}
