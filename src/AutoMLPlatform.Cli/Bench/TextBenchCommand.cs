using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Text;
using Microsoft.ML;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// <c>automl bench --task text-classification</c>: what a <c>text-classification</c> job trains, the Torch text
/// classifier alone on the table's first free-text column within the time budget, scored on the test file with the
/// engine's metrics; progress per epoch on stderr and the same JSON object as every bench (<see cref="BenchReport"/>).
/// </summary>
internal sealed class TextBenchCommand(TextWriter stdout, TextWriter stderr)
{
    public const string TrainerName = "TorchTextClassifier";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (train, schema) = await BenchCommand.LoadAsync(options.Train, null, cancellationToken).ConfigureAwait(false);
        var label = schema.Find(options.Label) ?? throw new InvalidInputException(TrainingErrorCodes.UnknownLabel, $"The training file has no column '{options.Label}'.", "label");
        var text = schema.Columns.FirstOrDefault(c => c.Type == ColumnType.Text && c.Name != label.Name)
            ?? throw new InvalidInputException(TrainingErrorCodes.NoTextColumn, "text-classification needs a free-text column besides the label; the training file has none.", "task");
        var (task, _) = TaskInference.Resolve(label, options.Task, train.RowCount);
        if (task == TaskKind.Regression)
        {
            throw new InvalidInputException(TrainingErrorCodes.TaskNotForDataset, "Text and image classifiers predict classes, not numbers.", "task");
        }

        var (test, _) = await BenchCommand.LoadAsync(options.Test, schema, cancellationToken).ConfigureAwait(false);
        TorchNative.EnsureLoaded();
        var (texts, labels) = TextTable.Read(train, text.Name, label.Name);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"train {options.Train}: {texts.Count} labelled rows; text column '{text.Name}'")).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var trainer = new TextClassificationTrainer(new MLContext(options.Seed), new TextClassificationTrainer.Options
        {
            TextColumn = text.Name,
            LabelColumn = label.Name,
            TimeLimit = options.Time,
            Seed = options.Seed,
        });
        using var model = await Task.Run(() => trainer.Fit(texts, labels, new EpochWriter(stderr), cancellationToken), cancellationToken).ConfigureAwait(false);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"model: {TrainerName}, {model.Training!.Epochs} epochs (best {model.Training.BestEpoch}, {model.Training.StoppedBecause}); fit {fitSeconds:F1}s")).ConfigureAwait(false);

        // The network answers as its classes come (binary: the probability of its second class), as the encoding reads them.
        var kind = model.Classes.Count == 2 ? TaskKind.Binary : TaskKind.Multiclass;
        var metrics = ModelEvaluator.Evaluate(model, test, label.Name, new LabelEncoding(kind, model.Classes));
        var primary = Metrics.NameOf(BenchCommand.Primary(kind));
        var report = new BenchReport("automlplatform", TaskKindNames.NameOf(kind), primary, Round(metrics[primary]),
            metrics.ToDictionary(kv => kv.Key, kv => Round(kv.Value)), 1, TrainerName, Math.Round(fitSeconds, 2),
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1));
        await stdout.WriteLineAsync(JsonSerializer.Serialize(report)).ConfigureAwait(false);
        return 0;
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : value;
}
