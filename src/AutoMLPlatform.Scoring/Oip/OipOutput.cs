using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary>
/// The output tensors a model answers with, by shape: <c>predicted_label</c> (BYTES, [N]) and <c>probabilities</c>
/// (FP32, [N, classes], in class order) for classification with probabilities; <c>predicted_label</c> and
/// <c>score</c> (FP32, [N]) without them; <c>predicted_value</c> (FP32, [N]) for regression. While the model logs its
/// predictions, every answer also carries <see cref="LoggedId"/> (BYTES, [N]): each row's prediction id, empty for a row
/// that was not sampled, to send feedback for.
/// </summary>
internal sealed record OipOutput(string Name, OipDataType DataType, int Width)
{
    public const string PredictedLabel = "predicted_label";
    public const string Probabilities = "probabilities";
    public const string Score = "score";
    public const string PredictedValue = "predicted_value";
    public const string PredictionId = "prediction_id";

    /// <summary>The prediction ids of a logged answer (not a model output: added by the log, never selectable).</summary>
    public static OipOutput LoggedId { get; } = new(PredictionId, OipDataType.Bytes, 0);

    public static IReadOnlyList<OipOutput> For(OutputShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Kind switch
        {
            OutputKind.ClassProbabilities => [new(PredictedLabel, OipDataType.Bytes, 0), new(Probabilities, OipDataType.Fp32, shape.Classes.Count)],
            OutputKind.ClassScore => [new(PredictedLabel, OipDataType.Bytes, 0), new(Score, OipDataType.Fp32, 0)],
            _ => [new(PredictedValue, OipDataType.Fp32, 0)],
        };
    }

    /// <summary>The outputs a request asked for (all when it named none); an unknown name is a 400.</summary>
    public static IReadOnlyList<OipOutput> Select(OutputShape shape, IReadOnlyList<string>? requested)
    {
        var all = For(shape);
        if (requested is null || requested.Count == 0)
        {
            return all;
        }

        return requested.Select(name => all.FirstOrDefault(o => o.Name == name)
            ?? throw new InvalidInputException(RequestErrorCodes.UnknownOutput, $"The model has no output '{name}'; it has {string.Join(", ", all.Select(o => o.Name))}.", "outputs")).ToArray();
    }

    /// <summary>The shape in metadata: -1 for the batch dimension.</summary>
    public long[] MetadataShape => Width > 0 ? [-1, Width] : [-1];
}
