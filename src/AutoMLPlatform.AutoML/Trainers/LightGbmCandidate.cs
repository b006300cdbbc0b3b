using System.Globalization;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>LightGBM gradient-boosted trees, for every task; ML.NET's defaults unless other settings are given.</summary>
internal sealed class LightGbmCandidate(LightGbmCandidate.Settings? settings = null) : TrainerCandidate
{
    private readonly Settings _settings = settings ?? Settings.Default;

    public override string Name => "LightGbm";

    public override bool NeedsNormalization => false;

    public override IReadOnlyDictionary<string, object> Hyperparameters => new Dictionary<string, object>
    {
        ["numberOfLeaves"] = _settings.Leaves,
        ["numberOfIterations"] = _settings.Iterations,
        ["learningRate"] = Math.Round(_settings.LearningRate, 5),
        ["minimumExampleCountPerLeaf"] = _settings.MinExamplesPerLeaf,
    };

    public override bool Supports(TaskKind task) => true;

    /// <summary>Settings drawn at random from log-scaled ranges around the defaults: the random-search baseline.</summary>
    public static LightGbmCandidate Random(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double LogUniform(double low, double high) => Math.Exp(Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low)));
        return new LightGbmCandidate(new Settings(
            (int)Math.Round(LogUniform(4, 256)),
            (int)Math.Round(LogUniform(50, 500)),
            LogUniform(0.01, 0.3),
            (int)Math.Round(LogUniform(2, 100))));
    }

    public override IEstimator<ITransformer> CreateTrainer(MLContext mlContext, TaskKind task)
    {
        var (leaves, iterations, rate, minLeaf) = _settings;
        return task switch
        {
            TaskKind.Binary => mlContext.BinaryClassification.Trainers.LightGbm(ReservedColumns.Label, ReservedColumns.Features,
                numberOfLeaves: leaves, minimumExampleCountPerLeaf: minLeaf, learningRate: rate, numberOfIterations: iterations),
            TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.LightGbm(ReservedColumns.Label, ReservedColumns.Features,
                numberOfLeaves: leaves, minimumExampleCountPerLeaf: minLeaf, learningRate: rate, numberOfIterations: iterations),
            TaskKind.Regression => mlContext.Regression.Trainers.LightGbm(ReservedColumns.Label, ReservedColumns.Features,
                numberOfLeaves: leaves, minimumExampleCountPerLeaf: minLeaf, learningRate: rate, numberOfIterations: iterations),
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {_settings}");

    /// <summary>LightGBM's main knobs; <see cref="Default"/> is ML.NET's default.</summary>
    public sealed record Settings(int Leaves, int Iterations, double LearningRate, int MinExamplesPerLeaf)
    {
        public static Settings Default { get; } = new(31, 100, 0.1, 20);
    }
}
