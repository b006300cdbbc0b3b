using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>LightGBM gradient-boosted trees with ML.NET's defaults, for every task.</summary>
internal sealed class LightGbmCandidate : TrainerCandidate
{
    private const int Leaves = 31;
    private const int Iterations = 100;
    private const double LearningRate = 0.1;
    private const int MinExamplesPerLeaf = 20;

    public override string Name => "LightGbm";

    public override bool NeedsNormalization => false;

    public override IReadOnlyDictionary<string, object> Hyperparameters { get; } = new Dictionary<string, object>
    {
        ["numberOfLeaves"] = Leaves,
        ["numberOfIterations"] = Iterations,
        ["learningRate"] = LearningRate,
        ["minimumExampleCountPerLeaf"] = MinExamplesPerLeaf,
    };

    public override bool Supports(TaskKind task) => true;

    public override IEstimator<ITransformer> CreateTrainer(MLContext mlContext, TaskKind task) => task switch
    {
        TaskKind.Binary => mlContext.BinaryClassification.Trainers.LightGbm(ReservedColumns.Label, ReservedColumns.Features,
            numberOfLeaves: Leaves, minimumExampleCountPerLeaf: MinExamplesPerLeaf, learningRate: LearningRate, numberOfIterations: Iterations),
        TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.LightGbm(ReservedColumns.Label, ReservedColumns.Features,
            numberOfLeaves: Leaves, minimumExampleCountPerLeaf: MinExamplesPerLeaf, learningRate: LearningRate, numberOfIterations: Iterations),
        TaskKind.Regression => mlContext.Regression.Trainers.LightGbm(ReservedColumns.Label, ReservedColumns.Features,
            numberOfLeaves: Leaves, minimumExampleCountPerLeaf: MinExamplesPerLeaf, learningRate: LearningRate, numberOfIterations: Iterations),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
