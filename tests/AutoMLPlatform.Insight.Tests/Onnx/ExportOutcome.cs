using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Insight.Onnx;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;

namespace AutoMLPlatform.Insight.Tests.Onnx;

/// <summary>Trains with the engine, packages and reads the model back as the platform does, exports it and says how that went.</summary>
internal static class ExportOutcome
{
    public const string Exports = "exports";

    public const string Refused = "refused at ";

    /// <summary>The outcome of exporting, proven on <paramref name="parityRows"/>, and the winning trial's trainer.</summary>
    public static async Task<(string Outcome, string Trainer)> TrainAndExportAsync(LoadedTable table, DatasetSchema schema, ExperimentSettings settings,
        LoadedTable parityRows)
    {
        var mlContext = new MLContext(1);
        var result = await new AutoMLExperiment(mlContext, settings).RunAsync(table, schema, null, CancellationToken.None);
        using var package = new MemoryStream();
        ModelPackage.Write(package, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, settings.LabelColumn, result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        package.Position = 0;
        return (Export(ModelPackage.Read(package, new MLContext(2)), parityRows), result.BestTrial.Trainer);
    }

    public static string Export(LoadedModel model, LoadedTable parityRows)
    {
        try
        {
            return OnnxExporter.Export(model, parityRows).Length > 0 ? Exports : "empty";
        }
        catch (NotExportableException ex)
        {
            return Refused + ex.Step;
        }
    }

    /// <summary>The first <paramref name="trainRows"/> training rows and the first <paramref name="testRows"/> test rows of a shared dataset, read with the training schema.</summary>
    public static async Task<(LoadedTable Train, DatasetSchema Schema, LoadedTable Test)> SharedAsync(string dataset, int trainRows, int testRows)
    {
        var (table, schema) = await TestTables.LoadFileAsync(RepositoryPaths.SharedDataset(dataset, "train.csv"));
        await using var file = File.OpenRead(RepositoryPaths.SharedDataset(dataset, "test.csv"));
        var test = await TableLoader.LoadAsync(file, ',', schema, CancellationToken.None);
        return (table.Select(Enumerable.Range(0, Math.Min(trainRows, table.RowCount)).ToArray()), schema,
            test.Select(Enumerable.Range(0, Math.Min(testRows, test.RowCount)).ToArray()));
    }
}
