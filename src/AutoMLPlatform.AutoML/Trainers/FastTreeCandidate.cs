using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>FastTree boosted trees with ML.NET's defaults, for binary classification and regression.</summary>
internal sealed class FastTreeCandidate : TrainerCandidate
{
    private const int Leaves = 20;
    private const int Trees = 100;
    private const int MinExamplesPerLeaf = 10;
    private const double LearningRate = 0.2;

    public override string Name => "FastTree";

    public override bool NeedsNormalization => false;

    public override IReadOnlyDictionary<string, object> Hyperparameters { get; } = new Dictionary<string, object>
    {
        ["numberOfLeaves"] = Leaves,
        ["numberOfTrees"] = Trees,
        ["minimumExampleCountPerLeaf"] = MinExamplesPerLeaf,
        ["learningRate"] = LearningRate,
    };

    public override bool Supports(TaskKind task) => task is TaskKind.Binary or TaskKind.Regression;

    public override IEstimator<ITransformer> CreateTrainer(MLContext mlContext, TaskKind task) => task switch
    {
        TaskKind.Binary => mlContext.BinaryClassification.Trainers.FastTree(ReservedColumns.Label, ReservedColumns.Features,
            numberOfLeaves: Leaves, numberOfTrees: Trees, minimumExampleCountPerLeaf: MinExamplesPerLeaf, learningRate: LearningRate),
        TaskKind.Regression => mlContext.Regression.Trainers.FastTree(ReservedColumns.Label, ReservedColumns.Features,
            numberOfLeaves: Leaves, numberOfTrees: Trees, minimumExampleCountPerLeaf: MinExamplesPerLeaf, learningRate: LearningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
