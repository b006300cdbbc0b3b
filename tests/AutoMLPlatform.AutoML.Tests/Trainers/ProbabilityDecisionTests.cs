using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Trainers;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AutoMLPlatform.AutoML.Tests.Trainers;

/// <summary>A binary model's label is "probability ≥ 0.5", written as the trainer's own threshold wherever that is exact.</summary>
public class ProbabilityDecisionTests
{
    [TestCase(-1.0, 0.0)]
    [TestCase(-0.37, 1.9)]
    [TestCase(-2500.0, 3.0)]
    [TestCase(-1e-7, 0.25)]
    public void The_threshold_is_the_highest_score_whose_probability_is_below_one_half(double slope, double offset)
    {
        var platt = FixedPlatt(slope, offset);

        var threshold = ProbabilityDecision.ThresholdAtHalf(platt)!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(platt.PredictProbability(threshold), Is.LessThan(0.5f));
            Assert.That(platt.PredictProbability(MathF.BitIncrement(threshold)), Is.GreaterThanOrEqualTo(0.5f));
        });
    }

    [TestCase(1.0, 0.0)]
    [TestCase(0.0, -1.0)]
    public void A_calibrator_whose_probability_falls_or_stays_has_no_threshold(double slope, double offset)
    {
        var threshold = ProbabilityDecision.ThresholdAtHalf(FixedPlatt(slope, offset));

        Assert.That(threshold, Is.Null);
    }

    [TestCase(-1.7, 0.8)]
    [TestCase(2.0, 0.3)]
    public void A_fitted_model_labels_every_row_as_its_probability_does(double slope, double offset)
    {
        var (mlContext, data) = Data();
        var estimator = Estimator(mlContext, slope, offset, requireOnnx: false);

        var scored = estimator.Fit(data).Transform(data);

        var probabilities = scored.GetColumn<float>(ReservedColumns.Probability).ToArray();
        Assert.That(scored.GetColumn<bool>(ReservedColumns.PredictedLabel).ToArray(), Is.EqualTo(probabilities.Select(p => p >= 0.5f).ToArray()));
    }

    [TestCase(-1.7, 0.8, false)]
    [TestCase(2.0, 0.3, true)]
    public void Only_a_falling_calibrator_needs_an_expression_step(double slope, double offset, bool expected)
    {
        var (mlContext, data) = Data();

        var model = Estimator(mlContext, slope, offset, requireOnnx: false).Fit(data);

        Assert.That(Steps(model).Any(s => s.GetType().Name == "ExpressionTransformer"), Is.EqualTo(expected));
    }

    [Test]
    public void Under_requireOnnx_a_falling_calibrator_fails_the_fit_instead_of_adding_an_expression()
    {
        var (mlContext, data) = Data();
        var estimator = Estimator(mlContext, 2.0, 0.3, requireOnnx: true);

        Assert.That(() => estimator.Fit(data), Throws.InvalidOperationException.With.Message.Contains("ONNX"));
    }

    private static ProbabilityDecisionEstimator<LinearBinaryModelParameters> Estimator(MLContext mlContext, double slope, double offset, bool requireOnnx) =>
        new(mlContext, mlContext.BinaryClassification.Trainers.AveragedPerceptron(ReservedColumns.Label, ReservedColumns.Features, numberOfIterations: 2),
            mlContext.BinaryClassification.Calibrators.Platt(slope, offset), requireOnnx);

    private static PlattCalibrator FixedPlatt(double slope, double offset)
    {
        var mlContext = new MLContext(1);
        var scores = mlContext.Data.LoadFromEnumerable(new[] { new ScoreRow { Score = 0 } });
        var calibrator = mlContext.BinaryClassification.Calibrators.Platt(slope, offset).Fit(scores);
        return ((IPredictionTransformer<PlattCalibrator>)calibrator).Model;
    }

    private static (MLContext MLContext, IDataView Data) Data()
    {
        var mlContext = new MLContext(3);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var x = new[] { (float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 2 - 1) };
            return new FeatureRow { Features = x, Label = x[0] + 0.3 * x[1] + 0.4 * (random.NextDouble() - 0.5) > 0 };
        }).ToArray();
        return (mlContext, mlContext.Data.LoadFromEnumerable(rows));
    }

    private static IEnumerable<ITransformer> Steps(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.SelectMany(Steps) : [model];

    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }

    private sealed class FeatureRow
    {
        [ColumnName(ReservedColumns.Features)]
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        [ColumnName(ReservedColumns.Label)]
        public bool Label { get; set; }
    }
}
