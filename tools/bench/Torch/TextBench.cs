using System.Diagnostics;
using AutoMLPlatform.Torch.Text;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Bench.Torch;

/// <summary>Trains the text classifier on a shared CSV within a budget, scores its test split, and does the same for ML.NET's baseline.</summary>
internal static class TextBench
{
    public static async Task<Dictionary<string, object>> RunAsync(string datasets, string name, string textColumn, string labelColumn,
        double budgetSeconds, int seed)
    {
        var (trainTexts, trainLabels) = await CsvTexts.ReadAsync(Path.Combine(datasets, name, "train.csv"), textColumn, labelColumn);
        var (testTexts, testLabels) = await CsvTexts.ReadAsync(Path.Combine(datasets, name, "test.csv"), textColumn, labelColumn);

        var clock = Stopwatch.StartNew();
        var options = new TextClassificationTrainer.Options { TimeLimit = TimeSpan.FromSeconds(budgetSeconds), Seed = seed };
        var progress = new SyncProgress<EpochReport>(new Progress<EpochReport>(e => Console.Error.WriteLine(
            $"  {name} epoch {e.Epoch}/{e.PlannedEpochs}: loss {e.TrainLoss:F3}, validation {e.ValidationAccuracy:F4} ({e.ValidationLoss:F3}){(e.IsBest ? " *" : "")}, {e.SamplesPerSecond:F0} samples/s")));
        using var model = new TextClassificationTrainer(new MLContext(seed), options).Fit(trainTexts, trainLabels, progress, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var correct = testTexts.Select((t, i) => model.Classes[ClassificationMetrics.ArgMax(model.PredictProbabilities(t).ToArray())] == testLabels[i]).Count(ok => ok);
        var accuracy = correct / (double)testTexts.Count;
        var summary = model.Training!;
        Console.Error.WriteLine($"{name}: test accuracy {accuracy:F4} in {seconds:F1} s ({summary.Epochs} epochs, best {summary.BestEpoch}, {summary.SamplesPerSecond:F0} samples/s)");

        var (baseline, baselineSeconds) = MLNetBaseline(trainTexts, trainLabels, testTexts, testLabels, seed);
        Console.Error.WriteLine($"{name}: ML.NET FeaturizeText + SDCA test accuracy {baseline:F4} in {baselineSeconds:F1} s");
        return new Dictionary<string, object>
        {
            ["test_accuracy"] = Math.Round(accuracy, 4),
            ["seconds"] = Math.Round(seconds, 1),
            ["epochs"] = summary.Epochs,
            ["train_samples_per_s"] = Math.Round(summary.SamplesPerSecond, 1),
            ["mlnet_sdca_accuracy"] = Math.Round(baseline, 4),
            ["mlnet_sdca_seconds"] = Math.Round(baselineSeconds, 1),
        };
    }

    /// <summary>ML.NET's FeaturizeText with its defaults and SDCA (logistic regression, or maximum entropy for several classes).</summary>
    private static (double Accuracy, double Seconds) MLNetBaseline(List<string> trainTexts, List<string> trainLabels, List<string> testTexts,
        List<string> testLabels, int seed)
    {
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var train = ml.Data.LoadFromEnumerable(trainTexts.Select((t, i) => new Row { Text = t, Label = trainLabels[i] }));
        var test = ml.Data.LoadFromEnumerable(testTexts.Select((t, i) => new Row { Text = t, Label = testLabels[i] }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Key", nameof(Row.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Key", "Features"));
        var model = pipeline.Fit(train);
        var seconds = clock.Elapsed.TotalSeconds;
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test), "Key");
        return (metrics.MicroAccuracy, seconds);
    }

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }
}
