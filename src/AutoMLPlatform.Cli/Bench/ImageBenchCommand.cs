using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// <c>automl bench</c> on image folder trees (<c>--train DIR --test DIR</c>, one subfolder per class): the image search
/// (<see cref="ImageSearch"/>: ResNet18 features against the from-scratch network; <c>--no-pretrained</c> leaves the
/// features out) runs within the time budget, as an image job does, and is scored on the test images; progress per
/// epoch goes to stderr and the same JSON object as for tables (<see cref="BenchReport"/>) is the last stdout line.
/// </summary>
internal sealed class ImageBenchCommand(TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (trainImages, trainLabels) = await ImageFolders.ReadAsync(options.Train, cancellationToken).ConfigureAwait(false);
        var (testImages, testLabels) = await ImageFolders.ReadAsync(options.Test, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var data = Decode(trainImages, trainLabels);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"train {options.Train}: {data.Count} images, {data.Classes.Count} classes, {data.Shape.Channels}x{data.Shape.Height}x{data.Shape.Width}")).ConfigureAwait(false);
        var unknown = testLabels.Distinct(StringComparer.Ordinal).Except(data.Classes, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidInputException("test-classes", $"The test folder {options.Test} has classes the training folder lacks: {string.Join(", ", unknown)}.", "test");
        }

        using var pretrained = new PretrainedNetworks();
        var search = new ImageSearch(new MLContext(options.Seed), new ImageSearch.Options { TimeLimit = options.Time, Seed = options.Seed },
            options.Pretrained ? pretrained : null);
        var result = await Task.Run(() => search.Run(data, new EpochWriter(stderr), cancellationToken), cancellationToken).ConfigureAwait(false);
        using var model = result.Best;
        var fitSeconds = clock.Elapsed.TotalSeconds;
        foreach (var line in result.Notes)
        {
            await stderr.WriteLineAsync(line).ConfigureAwait(false);
        }

        foreach (var candidate in result.Candidates)
        {
            var s = candidate.Summary;
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"candidate {candidate.Trainer}: validation accuracy {s.ValidationMetrics.GetValueOrDefault("accuracy"):F4}, {s.Epochs} epochs (best {s.BestEpoch}, {s.StoppedBecause}), {s.TrainingTime.TotalSeconds:F1}s")).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"model: {result.Trainer}; fit {fitSeconds:F1}s")).ConfigureAwait(false);
        Func<string, IReadOnlyList<float>> predict = model is ImageClassifierTransformer classifier
            ? classifier.PredictProbabilities
            : throw new InvalidOperationException($"An image search gave a {model.GetType().Name}.");

        var classes = data.Classes;
        var probabilities = testImages.SelectMany(image => predict(Convert.ToBase64String(image))).ToArray();
        var truth = testLabels.Select(l => classes.ToList().IndexOf(l)).ToArray();
        var metrics = ClassificationMetrics.Compute(probabilities, truth, classes.Count);
        var task = classes.Count == 2 ? TaskKind.Binary : TaskKind.Multiclass;
        var primary = Metrics.NameOf(BenchCommand.Primary(task));
        var report = new BenchReport("automlplatform", TaskKindNames.NameOf(task), primary, Round(metrics[primary]),
            metrics.ToDictionary(kv => kv.Key, kv => Round(kv.Value)), result.Candidates.Count, result.Trainer, Math.Round(fitSeconds, 2),
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1));
        await stdout.WriteLineAsync(JsonSerializer.Serialize(report)).ConfigureAwait(false);
        return 0;
    }

    private static ImageDataset Decode(List<byte[]> images, List<string> labels)
    {
        try
        {
            return ImageDataset.FromEncoded(images, labels, new ImageSizing());
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputException(ImageDecodingErrorCodes.NotAnImage, ex.Message, "train");
        }
    }

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : value;
}
