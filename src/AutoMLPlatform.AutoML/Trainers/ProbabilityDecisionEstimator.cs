using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// Fits a binary trainer (and its Platt calibrator, when it has no calibrated output of its own), then sets the
/// trainer's score threshold where the calibrated probability reaches 0.5 (<see cref="ProbabilityDecision"/>). Only
/// the estimator is ours: what it returns is ML.NET's own transformers, saved and loaded as any other.
/// </summary>
internal sealed class ProbabilityDecisionEstimator<TModel>(MLContext mlContext, IEstimator<BinaryPredictionTransformer<TModel>> trainer,
    IEstimator<CalibratorTransformer<PlattCalibrator>>? calibration, bool requireOnnx) : IEstimator<ITransformer>
    where TModel : class
{
    public ITransformer Fit(IDataView input)
    {
        var model = trainer.Fit(input);
        ICalibrator calibrator;
        CalibratorTransformer<PlattCalibrator>? calibrated = null;
        if (calibration is null)
        {
            calibrator = (model.Model as CalibratedModelParametersBase)?.Calibrator
                ?? throw new InvalidOperationException($"{typeof(TModel).Name} has no calibrator; add a Platt calibration after it.");
        }
        else
        {
            calibrated = calibration.Fit(model.Transform(input));
            calibrator = ((IPredictionTransformer<PlattCalibrator>)calibrated).Model;
        }

        var threshold = ProbabilityDecision.ThresholdAtHalf(calibrator);
        if (threshold is null && requireOnnx)
        {
            // A trainer failure: the trial is recorded as failed and the search goes on with exportable models only.
            throw new InvalidOperationException("The calibrated probability does not rise with the score, so the decision at 0.5 needs an Expression step, which has no ONNX form (requireOnnx).");
        }

        ITransformer chain = threshold is { } t ? mlContext.BinaryClassification.ChangeModelThreshold(model, t) : model;
        if (calibrated is not null)
        {
            chain = chain.Append(calibrated);
        }

        return threshold is null ? chain.Append(ProbabilityDecision.DecideAtHalf(mlContext).Fit(chain.Transform(input))) : chain;
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var scored = trainer.GetOutputSchema(inputSchema);
        return calibration is null ? scored : calibration.GetOutputSchema(scored);
    }
}
