using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Mapping;

/// <summary>
/// Builds the ML.NET stage of a Torch classifier: a <c>CustomMapping</c> whose delegate closes over the loaded
/// network. It reads one text column (the raw text, or an image as base64) and writes ML.NET's standard outputs:
/// binary models <c>PredictedLabel</c> (bool), <c>Score</c> (the logit) and <c>Probability</c> (of the positive
/// class, index 1); multiclass models <c>PredictedLabel</c> (the class name) and <c>Score</c> (one probability per
/// class, in class order). The mapping cannot be saved by ML.NET (it has no contract name) and never is: the model
/// package saves the network as its own part and rebuilds this stage when it loads.
/// </summary>
internal static class ClassifierMapping
{
    public static ITransformer Create(MLContext mlContext, string inputColumn, IReadOnlyList<string> classes, Func<string, float[]> predict)
    {
        var empty = mlContext.Data.LoadFromEnumerable(Array.Empty<TextInput>(), InputDefinition(inputColumn));
        return CreateEstimator(mlContext, inputColumn, classes, predict).Fit(empty);
    }

    /// <summary>The unfitted mapping; fitting it only checks the schema.</summary>
    public static IEstimator<ITransformer> CreateEstimator(MLContext mlContext, string inputColumn, IReadOnlyList<string> classes, Func<string, float[]> predict)
    {
        var inputDefinition = InputDefinition(inputColumn);
        if (classes.Count == 2)
        {
            return mlContext.Transforms.CustomMapping<TextInput, BinaryPrediction>((input, output) =>
            {
                var p = predict(input.Value ?? string.Empty);
                output.Probability = p[1];
                output.Score = MathF.Log(Math.Max(p[1], 1e-12f) / Math.Max(p[0], 1e-12f));
                output.PredictedLabel = p[1] > p[0];
            }, contractName: null, inputDefinition);
        }

        var outputDefinition = SchemaDefinition.Create(typeof(MulticlassPrediction));
        outputDefinition[nameof(MulticlassPrediction.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes.Count);
        var names = classes.ToArray();
        return mlContext.Transforms.CustomMapping<TextInput, MulticlassPrediction>((input, output) =>
        {
            var p = predict(input.Value ?? string.Empty);
            output.Score = p;
            output.PredictedLabel = names[Training.ClassificationMetrics.ArgMax(p)];
        }, contractName: null, inputDefinition, outputDefinition);
    }

    private static SchemaDefinition InputDefinition(string inputColumn)
    {
        var definition = SchemaDefinition.Create(typeof(TextInput));
        definition[nameof(TextInput.Value)].ColumnName = inputColumn;
        return definition;
    }

    internal sealed class TextInput
    {
        public string? Value { get; set; }
    }

    internal sealed class BinaryPrediction
    {
        public bool PredictedLabel { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }
    }

    internal sealed class MulticlassPrediction
    {
        public string PredictedLabel { get; set; } = string.Empty;

        public float[] Score { get; set; } = [];
    }
}
