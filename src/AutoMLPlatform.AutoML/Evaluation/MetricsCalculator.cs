using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Evaluation;

/// <summary>Computes every metric of a task on scored rows, by wire name (see <see cref="Metrics"/>).</summary>
internal static class MetricsCalculator
{
    public static IReadOnlyDictionary<string, double> Evaluate(MLContext mlContext, IDataView scored, TaskKind task) => task switch
    {
        TaskKind.Binary => Binary(mlContext, scored),
        TaskKind.Multiclass => Multiclass(mlContext, scored),
        TaskKind.Regression => Regression(mlContext, scored),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    private static Dictionary<string, double> Binary(MLContext mlContext, IDataView scored)
    {
        if (scored.Schema.GetColumnOrNull(ReservedColumns.Probability) is null)
        {
            var raw = mlContext.BinaryClassification.EvaluateNonCalibrated(scored, ReservedColumns.Label);
            return new()
            {
                [Metrics.NameOf(MetricKind.Auc)] = raw.AreaUnderRocCurve,
                [Metrics.NameOf(MetricKind.Accuracy)] = raw.Accuracy,
                [Metrics.NameOf(MetricKind.F1)] = raw.F1Score,
            };
        }

        var m = mlContext.BinaryClassification.Evaluate(scored, ReservedColumns.Label);
        return new()
        {
            [Metrics.NameOf(MetricKind.Auc)] = m.AreaUnderRocCurve,
            [Metrics.NameOf(MetricKind.Accuracy)] = m.Accuracy,
            [Metrics.NameOf(MetricKind.F1)] = m.F1Score,
            [Metrics.NameOf(MetricKind.LogLoss)] = m.LogLoss,
        };
    }

    private static Dictionary<string, double> Multiclass(MLContext mlContext, IDataView scored)
    {
        var m = mlContext.MulticlassClassification.Evaluate(scored, ReservedColumns.Label);
        var f1 = m.ConfusionMatrix.PerClassPrecision.Zip(m.ConfusionMatrix.PerClassRecall,
            (p, r) => p + r > 0 ? 2 * p * r / (p + r) : 0.0);
        return new()
        {
            [Metrics.NameOf(MetricKind.Accuracy)] = m.MicroAccuracy,
            [Metrics.NameOf(MetricKind.MacroF1)] = f1.Average(),
            [Metrics.NameOf(MetricKind.LogLoss)] = m.LogLoss,
        };
    }

    private static Dictionary<string, double> Regression(MLContext mlContext, IDataView scored)
    {
        var m = mlContext.Regression.Evaluate(scored, ReservedColumns.Label);
        return new()
        {
            [Metrics.NameOf(MetricKind.Rmse)] = m.RootMeanSquaredError,
            [Metrics.NameOf(MetricKind.Mae)] = m.MeanAbsoluteError,
            [Metrics.NameOf(MetricKind.R2)] = m.RSquared,
        };
    }
}
