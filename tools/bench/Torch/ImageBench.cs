using System.Diagnostics;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Bench.Torch;

/// <summary>Trains the image classifier on a shared folder-zip set within a budget and scores its test split.</summary>
internal static class ImageBench
{
    /// <summary>Trains on <paramref name="name"/>'s train.zip within the budget, scores test.zip, and, when <paramref name="pytorchSeconds"/> is positive, lets PyTorch train the same network that long for its throughput.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(string datasets, string name, double budgetSeconds, int seed, int threads, double pytorchSeconds)
    {
        var clock = Stopwatch.StartNew();
        ImageDataset train;
        using (var zip = File.OpenRead(Path.Combine(datasets, name, "train.zip")))
        {
            train = ImageDataset.FromZip(zip, ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);
        }

        var loading = clock.Elapsed;
        // The trainer's defaults, as a job uses them; the budget counts the decoding too, as in a job.
        var options = new ImageClassificationTrainer.Options { TimeLimit = TimeSpan.FromSeconds(budgetSeconds) - loading, Seed = seed };
        var progress = new Progress<EpochReport>(e => Console.Error.WriteLine(
            $"  {name} epoch {e.Epoch}/{e.PlannedEpochs}: loss {e.TrainLoss:F3}, validation {e.ValidationAccuracy:F4}{(e.IsBest ? " *" : "")}, {e.SamplesPerSecond:F0} samples/s"));
        using var model = new ImageClassificationTrainer(new MLContext(seed), options).Fit(train, new SyncProgress<EpochReport>(progress), CancellationToken.None);
        var trainedIn = clock.Elapsed;

        var (correct, total) = (0, 0);
        using (var zip = File.OpenRead(Path.Combine(datasets, name, "test.zip")))
        {
            ImageZipReader.Read(zip, ImageZipLimits.Default, entry =>
            {
                var p = model.PredictProbabilities(Convert.ToBase64String(entry.Bytes));
                correct += model.Classes[ClassificationMetrics.ArgMax(p.ToArray())] == entry.ClassName ? 1 : 0;
                total++;
            }, CancellationToken.None);
        }

        var summary = model.Training!;
        Console.Error.WriteLine($"{name}: test accuracy {correct / (double)total:F4}, {summary.Epochs} epochs, {summary.SamplesPerSecond:F0} samples/s, {trainedIn.TotalSeconds:F1} s");
        var flip = summary.Settings?["flip"] is true;
        var pytorch = pytorchSeconds > 0
            ? await PyTorchBench.SamplesPerSecondAsync(Path.Combine(datasets, name, "train.zip"), pytorchSeconds, threads, flip)
            : null;
        return new Dictionary<string, object>
        {
            ["pytorch_samples_per_s"] = pytorch is { } p ? Math.Round(p, 1) : "not measured",
            ["throughput_vs_pytorch"] = pytorch is { } q ? Math.Round(summary.SamplesPerSecond / q, 3) : "not measured",
            ["test_accuracy"] = Math.Round(correct / (double)total, 4),
            ["epochs"] = summary.Epochs,
            ["best_epoch"] = summary.BestEpoch,
            ["train_samples_per_s"] = Math.Round(summary.SamplesPerSecond, 1),
            ["seconds"] = Math.Round(trainedIn.TotalSeconds, 1),
            ["flip"] = flip,
            ["input"] = summary.Settings?["input"] ?? "",
        };
    }
}
