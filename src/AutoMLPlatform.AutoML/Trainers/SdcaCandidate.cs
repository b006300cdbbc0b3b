using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// SDCA linear models (logistic regression, maximum entropy, least squares) on normalised features. L1 is kept
/// small: a large L1 zeroes every weight on many tables and leaves a constant model.
/// </summary>
internal sealed class SdcaCandidate : TrainerCandidate
{
    private const float L2 = 1e-4f;
    private const float L1 = 0f;
    private const int MaxIterations = 50;

    public override string Name => "Sdca";

    public override bool NeedsNormalization => true;

    public override IReadOnlyDictionary<string, object> Hyperparameters { get; } = new Dictionary<string, object>
    {
        ["l2Regularization"] = (double)L2,
        ["l1Regularization"] = (double)L1,
        ["maximumNumberOfIterations"] = MaxIterations,
    };

    public override bool Supports(TaskKind task) => true;

    public override IEstimator<ITransformer> CreateTrainer(MLContext mlContext, TaskKind task) => task switch
    {
        TaskKind.Binary => mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(ReservedColumns.Label, ReservedColumns.Features,
            l2Regularization: L2, l1Regularization: L1, maximumNumberOfIterations: MaxIterations),
        TaskKind.Multiclass => mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(ReservedColumns.Label, ReservedColumns.Features,
            l2Regularization: L2, l1Regularization: L1, maximumNumberOfIterations: MaxIterations),
        TaskKind.Regression => mlContext.Regression.Trainers.Sdca(ReservedColumns.Label, ReservedColumns.Features,
            l2Regularization: L2, l1Regularization: L1, maximumNumberOfIterations: MaxIterations),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
