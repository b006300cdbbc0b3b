using AutoMLPlatform.AutoML.Data;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// Makes a binary model decide <c>PredictedLabel</c> at calibrated probability ≥ 0.5, so the label never contradicts
/// the probability shown beside it. ML.NET's own decision is raw score &gt; 0, which a calibrator does not move; for a
/// Platt calibrator with a negative slope (probability rising with the score) the engine moves the trainer's threshold
/// instead, to the exact float score below which the calibrated probability falls under 0.5. That keeps the decision
/// inside ML.NET's prediction transformer, which ONNX can express, and costs nothing at scoring time. Any other
/// calibrator (a Platt fit whose probability falls as the score rises, seen only on models worse than chance) keeps an
/// <c>Expression</c> step (<see cref="DecideAtHalf"/>), which has no ONNX form; under requireOnnx such a fit fails its
/// trial instead, so that every model the search can return exports.
/// </summary>
internal static class ProbabilityDecision
{
    /// <summary>For trainers whose model carries its calibrator (LightGbm, FastTree, SDCA and L-BFGS logistic regression).</summary>
    public static IEstimator<ITransformer> OfCalibrated<TModel>(MLContext mlContext, bool requireOnnx, IEstimator<BinaryPredictionTransformer<TModel>> trainer)
        where TModel : CalibratedModelParametersBase =>
        new ProbabilityDecisionEstimator<TModel>(mlContext, trainer, null, requireOnnx);

    /// <summary>For trainers whose scores are not probabilities: a Platt calibrator is fitted after them on the training label.</summary>
    public static IEstimator<ITransformer> ThenPlatt<TModel>(MLContext mlContext, bool requireOnnx, IEstimator<BinaryPredictionTransformer<TModel>> trainer)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new ProbabilityDecisionEstimator<TModel>(mlContext, trainer, mlContext.BinaryClassification.Calibrators.Platt(ReservedColumns.Label), requireOnnx);
    }

    /// <summary>The decision as an ML.NET Expression over <c>Probability</c>: right for any calibrator, but not exportable to ONNX.</summary>
    public static IEstimator<ITransformer> DecideAtHalf(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return mlContext.Transforms.Expression(ReservedColumns.PredictedLabel, "p => p >= 0.5", ReservedColumns.Probability);
    }

    /// <summary>
    /// The score threshold t with (score &gt; t) ⇔ (probability ≥ 0.5) for every float score, or null when the
    /// calibrator is not a rising Platt sigmoid. Found by bisection over the floats in order, evaluating the
    /// calibrator exactly as ML.NET does, so rounding near 0.5 decides the same way too; a NaN score is false both ways.
    /// </summary>
    public static float? ThresholdAtHalf(ICalibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(calibrator);
        if (calibrator is not PlattCalibrator { Slope: < 0 } platt)
        {
            return null;
        }

        // A Platt probability, 1 / (1 + exp(slope · s + offset)), is monotone in s when every step of its evaluation
        // is (multiplication by a constant, addition, exp, division, rounding to float): the accepted scores are
        // exactly those from the first accepted one on.
        long rejected = OrderedKey(float.NegativeInfinity);
        long accepted = OrderedKey(float.PositiveInfinity);
        if (Accepts(platt, rejected) || !Accepts(platt, accepted))
        {
            return null;
        }

        while (accepted - rejected > 1)
        {
            var middle = rejected + (accepted - rejected) / 2;
            if (Accepts(platt, middle))
            {
                accepted = middle;
            }
            else
            {
                rejected = middle;
            }
        }

        return FromOrderedKey(rejected);
    }

    private static bool Accepts(PlattCalibrator calibrator, long key) => calibrator.PredictProbability(FromOrderedKey(key)) >= 0.5f;

    /// <summary>Maps floats (not NaN) to integers in the same order: −0 and +0 both to 0.</summary>
    private static long OrderedKey(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits >= 0 ? bits : -(long)(bits & int.MaxValue);
    }

    private static float FromOrderedKey(long key) => key >= 0
        ? BitConverter.Int32BitsToSingle((int)key)
        : BitConverter.Int32BitsToSingle((int)(-key) | int.MinValue);
}
