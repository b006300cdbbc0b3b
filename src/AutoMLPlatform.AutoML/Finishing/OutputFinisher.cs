using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>
/// Makes a fitted pipeline answer in the standard, user-facing way: a multiclass model answers with the class name
/// instead of ML.NET's key number. (A binary model already decides at probability 0.5: its trainer's estimator sees to
/// that, <see cref="Trainers.ProbabilityDecision"/>.)
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
            TaskKind.Multiclass => model.Append(mlContext.Transforms.Conversion.MapKeyToValue(ReservedColumns.PredictedLabel).Fit(scored)),
            _ => model,
        };
    }
}
