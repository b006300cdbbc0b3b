using System.Diagnostics;
using System.Text.Json;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Torch.External;
using Microsoft.ML;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// <c>automl bench</c>: infer, search within the time budget (the Torch text classifier competing on tables with free
/// text, as in a job), score the test file, print progress on stderr and one
/// JSON object (<see cref="BenchReport"/>) as the last stdout line.
/// </summary>
internal sealed class BenchCommand(TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Modality)
        {
            case DataModality.Image when !options.IsImageFolders:
                throw new InvalidInputException(TrainingErrorCodes.TaskNotForDataset,
                    "image-classification needs image folders: --train DIR --test DIR, one subfolder of images per class.", "task");
            case DataModality.Text when options.IsImageFolders:
                throw new InvalidInputException(TrainingErrorCodes.TaskNotForDataset, "text-classification needs a table with a text column; --train is a folder of images.", "task");
        }

        if (options.IsImageFolders)
        {
            return await new ImageBenchCommand(stdout, stderr).RunAsync(options, cancellationToken).ConfigureAwait(false);
        }

        if (options.Modality == DataModality.Text)
        {
            return await new TextBenchCommand(stdout, stderr).RunAsync(options, cancellationToken).ConfigureAwait(false);
        }

        var (train, schema) = await LoadAsync(options.Train, null, cancellationToken).ConfigureAwait(false);
        await stderr.WriteLineAsync($"train {options.Train}: {train.RowCount} rows, {schema.Columns.Count} columns").ConfigureAwait(false);

        using var pretrained = new PretrainedNetworks();
        var settings = new ExperimentSettings
        {
            LabelColumn = options.Label,
            Task = options.Task,
            Metric = options.Metric,
            TimeBudget = options.Time,
            Seed = options.Seed,
            Tuner = options.Tuner,
            Trainers = options.Trainers,
            MaxTrials = options.MaxTrials,
            Ensemble = options.Ensemble,
            ExternalTrainers = [new TorchTextTrainer()],
            Pretrained = options.Pretrained ? pretrained : null,
        };
        var clock = Stopwatch.StartNew();
        var result = await new AutoMLExperiment(new MLContext(options.Seed), settings, logger: new StderrLogger(stderr)).RunAsync(train, schema, new ProgressWriter(stderr), cancellationToken)
            .ConfigureAwait(false);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        await stderr.WriteLineAsync($"model: {result.BestTrial.Trainer}, {result.Refit}; fit {fitSeconds:F1}s").ConfigureAwait(false);

        var (test, _) = await LoadAsync(options.Test, schema, cancellationToken).ConfigureAwait(false);
        var metrics = ModelEvaluator.Evaluate(result.Model, test, options.Label, result.Labels);
        var primary = Primary(result.Task);
        var report = new BenchReport("automlplatform", TaskKindNames.NameOf(result.Task), Metrics.NameOf(primary), Round(metrics[Metrics.NameOf(primary)]),
            metrics.ToDictionary(kv => kv.Key, kv => Round(kv.Value)), result.Trials.Count, result.BestTrial.Trainer, Math.Round(fitSeconds, 2),
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1));
        await stdout.WriteLineAsync(JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Plain JSON on a console: "+" in an ensemble's name stays "+".</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The score the bench reports whatever was optimised: AUC, accuracy, R².</summary>
    public static MetricKind Primary(TaskKind task) => task switch
    {
        TaskKind.Binary => MetricKind.Auc,
        TaskKind.Multiclass => MetricKind.Accuracy,
        _ => MetricKind.R2,
    };

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : value;

    /// <summary>
    /// Profiles and loads a CSV. With <paramref name="trainSchema"/>, the file is read with the training types for
    /// the columns they share (a test file must be read the way the model was trained), in the file's own order.
    /// </summary>
    public static async Task<(LoadedTable Table, DatasetSchema Schema)> LoadAsync(string path, DatasetSchema? trainSchema, CancellationToken cancellationToken)
    {
        DatasetSchema schema;
        await using (var profileStream = File.OpenRead(path))
        {
            schema = (await TableProfiler.ProfileAsync(profileStream, ',', cancellationToken).ConfigureAwait(false)).Schema;
        }

        if (trainSchema is not null)
        {
            var missing = trainSchema.Columns.Select(c => c.Name).Where(name => schema.Find(name) is null).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidInputException("test-columns", $"The test file {path} lacks column(s) {string.Join(", ", missing)} of the training file.", "test");
            }

            schema = new DatasetSchema(schema.Columns.Select(c => trainSchema.Find(c.Name) ?? c).ToArray());
        }

        await using var loadStream = File.OpenRead(path);
        return (await TableLoader.LoadAsync(loadStream, ',', schema, cancellationToken).ConfigureAwait(false), schema);
    }
}
