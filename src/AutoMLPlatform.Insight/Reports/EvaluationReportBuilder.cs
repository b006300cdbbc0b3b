using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Insight.Reports;

/// <summary>Builds the <see cref="EvaluationReport"/> of a model from its predictions on labelled rows it never trained on.</summary>
public static class EvaluationReportBuilder
{
    /// <summary>Most points per ROC or precision-recall curve: enough to draw, small enough to store per version.</summary>
    public const int MaxCurvePoints = 101;

    /// <summary>Equal-width probability bins of the calibration table.</summary>
    public const int CalibrationBins = 10;

    /// <summary>Most predicted-vs-actual points of a regression report.</summary>
    public const int MaxRegressionPoints = 500;

    public static EvaluationReport Build(ScoredRows rows, EvaluationSource source, string description, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (rows.Rows == 0)
        {
            throw new ArgumentException("A report needs at least one scored row.", nameof(rows));
        }

        return rows.Task == TaskKind.Regression
            ? new EvaluationReport(source, description, rows.Rows, rows.Task, null,
                RegressionReportBuilder.Build(rows.Truth, rows.Predictions, MaxRegressionPoints), computedAt)
            : new EvaluationReport(source, description, rows.Rows, rows.Task,
                ClassificationReportBuilder.Build(rows, MaxCurvePoints, CalibrationBins), null, computedAt);
    }
}
