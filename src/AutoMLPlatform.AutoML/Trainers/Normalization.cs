using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Search;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// Feature scaling for linear learners, as a searched choice: min-max to [0, 1] or zero mean and unit variance
/// (sparse slots keep their zeros either way), written to
/// <see cref="ReservedColumns.NormalizedFeatures"/> so the unscaled features stay for other ensemble members. Without it an SDCA or L-BFGS trial on raw features can take most of
/// a budget to converge, one of ML.NET AutoML's known mistakes.
/// </summary>
internal static class Normalization
{
    public const string Parameter = "normalization";

    public static Hyperparameter Choice(int init = 0) => Hyperparameter.Choice(Parameter, ["minmax", "meanvariance"], init);

    public static IEstimator<ITransformer> Create(MLContext mlContext, Configuration configuration) =>
        configuration.Choice(Parameter) == "minmax"
            ? mlContext.Transforms.NormalizeMinMax(ReservedColumns.NormalizedFeatures, ReservedColumns.Features)
            : mlContext.Transforms.NormalizeMeanVariance(ReservedColumns.NormalizedFeatures, ReservedColumns.Features);
}
