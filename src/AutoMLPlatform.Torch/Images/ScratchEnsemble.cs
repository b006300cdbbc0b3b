using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Averages the from-scratch networks an image search trained (each another seed, on the same rows and normalisation)
/// into one model, scored on the same validation rows as its members, so it competes with them like any candidate.
/// </summary>
internal static class ScratchEnsemble
{
    public static ImageClassificationTransformer Build(MLContext mlContext, ImageDataset data, IReadOnlyList<ImageClassificationTransformer> members,
        int[] validation, string imageColumn)
    {
        var first = members[0].Model;
        var classCount = data.Classes.Count;
        var networks = members.Select(m => (ConvNet)m.Model.Network).ToArray();
        var ensemble = ConvNetEnsemble.CopyOf(networks, first.Shape, classCount);
        var set = new ImageTrainingSet(data, first.Normalization, flip: false, maxShift: 0);
        var probabilities = EpochLoop.Predict(ensemble, x => ensemble.call(x[0]), set, validation, classCount);
        var metrics = ClassificationMetrics.Compute(probabilities, validation.Select(r => data.Labels[r]).ToArray(), classCount);
        var summaries = members.Select(m => m.Training!).ToArray();
        var settings = new Dictionary<string, object>(summaries[0].Settings ?? new Dictionary<string, object>())
        {
            ["network"] = $"average of {members.Count} conv32-pool-conv64-pool-fc128",
            ["seed"] = string.Join(",", summaries.Select(s => s.Settings?.GetValueOrDefault("seed"))),
            ["patience"] = string.Join(",", summaries.Select(s => s.Settings?.GetValueOrDefault("patience"))),
        };
        var summary = new TrainingSummary(summaries.Sum(s => s.Epochs), summaries.Sum(s => s.BestEpoch), metrics, "ensemble",
            summaries.Aggregate(TimeSpan.Zero, (t, s) => t + s.TrainingTime), summaries.Average(s => s.SamplesPerSecond),
            summaries[0].TrainingRows, summaries[0].ValidationRows, settings);
        var model = new ImageModel(ensemble, first.Shape, first.Normalization, first.Classes, first.Budget);
        return new ImageClassificationTransformer(mlContext, model, imageColumn, summary);
    }
}
