using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Inference;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// Builds the estimator chain that turns the used columns into one feature vector, <see cref="ReservedColumns.Features"/>,
/// each column by its role. Intermediate columns get a "__f" prefix so they cannot clash with user columns.
/// </summary>
internal static class FeaturePipelineBuilder
{
    /// <summary>Hash bits for high-cardinality categoricals: 2^10 slots.</summary>
    private const int HashBits = 10;

    public static IEstimator<ITransformer> Build(MLContext mlContext, IReadOnlyList<ColumnDecision> decisions, IReadOnlyCollection<string> columnsWithMissing, bool normalize)
    {
        var steps = new List<IEstimator<ITransformer>>();
        var featureColumns = new List<string>();
        foreach (var (decision, index) in decisions.Select((d, i) => (d, i)))
        {
            var output = $"__f{index}";
            switch (decision.Role)
            {
                case ColumnRole.Numeric when columnsWithMissing.Contains(decision.Name):
                    var indicator = $"{output}_missing";
                    steps.Add(mlContext.Transforms.IndicateMissingValues(indicator, decision.Name));
                    steps.Add(mlContext.Transforms.Conversion.ConvertType(indicator, indicator, DataKind.Single));
                    steps.Add(mlContext.Transforms.ReplaceMissingValues(output, decision.Name, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    featureColumns.Add(output);
                    featureColumns.Add(indicator);
                    break;
                case ColumnRole.Numeric:
                    // No missing values in training, but a request may still send null: impute it all the same.
                    steps.Add(mlContext.Transforms.ReplaceMissingValues(output, decision.Name, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    featureColumns.Add(output);
                    break;
                case ColumnRole.Categorical:
                    steps.Add(mlContext.Transforms.Categorical.OneHotEncoding(output, decision.Name));
                    featureColumns.Add(output);
                    break;
                case ColumnRole.HashedCategorical:
                    steps.Add(mlContext.Transforms.Categorical.OneHotHashEncoding(output, decision.Name, numberOfBits: HashBits));
                    featureColumns.Add(output);
                    break;
                case ColumnRole.Text:
                    steps.Add(mlContext.Transforms.Text.FeaturizeText(output, decision.Name));
                    featureColumns.Add(output);
                    break;
            }
        }

        if (featureColumns.Count == 0)
        {
            throw new Core.Common.UnprocessableException("no-usable-columns", "No column is usable as a feature; see the column decisions for why each was left out.");
        }

        steps.Add(mlContext.Transforms.Concatenate(ReservedColumns.Features, [.. featureColumns]));
        if (normalize)
        {
            steps.Add(mlContext.Transforms.NormalizeMinMax(ReservedColumns.Features));
        }

        return steps.Skip(1).Aggregate((IEstimator<ITransformer>)steps[0], (chain, step) => chain.Append(step));
    }
}
