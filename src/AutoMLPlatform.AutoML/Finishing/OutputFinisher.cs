using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>
/// Makes a fitted pipeline answer in the standard, user-facing way: a binary model decides at probability 0.5
/// (so that the label never contradicts the calibrated probability shown beside it); a multiclass model answers
/// with the class name instead of ML.NET's key number.
/// </summary>
internal static class OutputFinisher
{
    public static ITransformer Finish(MLContext mlContext, TaskKind task, ITransformer model, IDataView input)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        var scored = model.Transform(input);
        return task switch
        {
            TaskKind.Binary => model.Append(DecideAtHalf(mlContext).Fit(scored)),
            TaskKind.Multiclass => model.Append(mlContext.Transforms.Conversion.MapKeyToValue(ReservedColumns.PredictedLabel).Fit(scored)),
            _ => model,
        };
    }

    public static IEstimator<ITransformer> DecideAtHalf(MLContext mlContext) =>
        mlContext.Transforms.Expression(ReservedColumns.PredictedLabel, "p => p >= 0.5", ReservedColumns.Probability);
}
