using System.Diagnostics;
using System.Globalization;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Images;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// The ResNet18 side of an <see cref="ImageSearch"/>: loads the shared network, times it on a few images, and only if
/// extracting every image fits its share of the time left extracts the features (once) and trains the head.
/// What it decided, with the speed measured, goes to <paramref name="notes"/>.
/// </summary>
internal sealed class ResNetCandidate(MLContext mlContext, ImageSearch.Options options, ImageDecodeBudget budget, List<string> notes)
{
    public ResNetImageClassificationTransformer? Train(PretrainedNetworks networks, ImageDataset data, int[] train, int[] validation, TimeSpan remaining,
        IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var extractor = networks.ResNet18();
        var shape = data.Shape;
        var probe = Math.Min(data.Count, 2 * Environment.ProcessorCount);
        var probeClock = Stopwatch.StartNew();
        extractor.ExtractAll(data.Pixels.AsMemory(0, probe * shape.Size), probe, shape.Channels, shape.Height, shape.Width, cancellationToken);
        var rate = probe / Math.Max(probeClock.Elapsed.TotalSeconds, 1e-6);
        var projected = TimeSpan.FromSeconds(data.Count / rate);
        var allowance = (remaining - clock.Elapsed) * options.ResNetShare;
        if (projected > allowance)
        {
            notes.Add(Format($"ResNet18 features: not offered, {data.Count} images at {rate:F1} images/s would take {projected.TotalSeconds:F0} s, over {options.ResNetShare:P0} of the {(remaining - clock.Elapsed).TotalSeconds:F0} s left"));
            return null;
        }

        // The probe may flatter (or wrong) the pace: an extraction that overruns its share by half is abandoned.
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(allowance * 1.5);
        var extractClock = Stopwatch.StartNew();
        float[] features;
        try
        {
            features = extractor.ExtractAll(data.Pixels, data.Count, shape.Channels, shape.Height, shape.Width, cap.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notes.Add(Format($"ResNet18 features: abandoned, extraction overran {(allowance * 1.5).TotalSeconds:F0} s"));
            return null;
        }

        notes.Add(Format($"ResNet18 features: {data.Count} images in {extractClock.Elapsed.TotalSeconds:F1} s ({data.Count / extractClock.Elapsed.TotalSeconds:F1} images/s)"));
        var head = new ResNetHeadTrainer(mlContext, new ResNetHeadTrainer.Options
        {
            ImageColumn = options.ImageColumn,
            Seed = options.Seed,
            TimeLimit = Max(TimeSpan.FromSeconds(1), (remaining - clock.Elapsed) / 4),
        });
        return head.Fit(data, extractor, features, train, validation, budget, progress, cancellationToken);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
