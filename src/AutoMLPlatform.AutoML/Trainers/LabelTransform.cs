using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// For regression on a label that is never negative (prices, counts, durations), a searched choice to learn
/// log(1 + y) and answer exp(score) − 1: errors then weigh relatively, which suits skewed targets. The inverse is an
/// ML.NET Expression appended to the trainer's model, so the saved model answers in the label's own units.
/// </summary>
internal static class LabelTransform
{
    public const string Parameter = "labelTransform";

    /// <summary>Above this, exp overflows a float: scores are clipped there.</summary>
    private const string Inverse = "s => exp(min(s, 80)) - 1";

    public static bool Applies(TaskKind task, DataShape shape) => task == TaskKind.Regression && shape.NonNegativeLabel;

    public static Hyperparameter Choice() => Hyperparameter.Choice(Parameter, ["none", "log"]);

    /// <summary>Fits <paramref name="estimator"/> on <paramref name="rows"/>, through the logarithm when the configuration asks for it.</summary>
    public static ITransformer Fit(MLContext mlContext, IEstimator<ITransformer> estimator, Configuration configuration, FeaturizedData features, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(features);
        if (!configuration.Has(Parameter) || configuration.Choice(Parameter) != "log")
        {
            return estimator.Fit(features.View(rows));
        }

        var data = features.View(rows, y => MathF.Log(1 + Math.Max(0, y)));
        var model = estimator.Fit(data);
        return model.Append(mlContext.Transforms.Expression(ReservedColumns.Score, Inverse, ReservedColumns.Score).Fit(model.Transform(data)));
    }
}
