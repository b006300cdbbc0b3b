using System.Globalization;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// For regression on a label that is never negative (prices, counts, durations), a searched choice to learn
/// log(1 + y) and answer exp(score) − 1: errors then weigh relatively, which suits skewed targets. The inverse is an
/// ML.NET Expression appended to the trainer's model, so the saved model answers in the label's own units. The
/// inverse is clipped to [0, twice the largest training label]: a linear model's score grows without bound on an
/// outlying row, and its exponential would wreck every error measure.
/// </summary>
internal static class LabelTransform
{
    public const string Parameter = "labelTransform";

    /// <summary>Whether the choice is offered: not under <see cref="DataShape.RequireOnnx"/>, since ONNX has no form of the Expression inverse.</summary>
    public static bool Applies(TaskKind task, DataShape shape) => task == TaskKind.Regression && shape.NonNegativeLabel && !shape.RequireOnnx;

    public static Hyperparameter Choice() => Hyperparameter.Choice(Parameter, ["none", "log"]);

    /// <summary>Fits <paramref name="estimator"/> on <paramref name="rows"/>, through the logarithm when the configuration asks for it.</summary>
    public static ITransformer Fit(MLContext mlContext, IEstimator<ITransformer> estimator, Configuration configuration, FeaturizedData features, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(features);
        var data = TrainingView(features, configuration, rows);
        var model = estimator.Fit(data);
        if (!UsesLog(configuration))
        {
            return model;
        }

        var ceiling = Math.Log(1 + 2.0 * features.MaxLabel(rows)).ToString("R", CultureInfo.InvariantCulture);
        var inverse = mlContext.Transforms.Expression(ReservedColumns.Score, $"s => exp(min(max(s, 0), {ceiling})) - 1", ReservedColumns.Score);
        return model.Append(inverse.Fit(model.Transform(data)));
    }

    /// <summary><paramref name="rows"/> with the label the trainer learns: log(1 + y) when the configuration asks for it.</summary>
    public static IDataView TrainingView(FeaturizedData features, Configuration configuration, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(features);
        return UsesLog(configuration) ? features.View(rows, y => MathF.Log(1 + Math.Max(0, y))) : features.View(rows);
    }

    private static bool UsesLog(Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Has(Parameter) && configuration.Choice(Parameter) == "log";
    }
}
