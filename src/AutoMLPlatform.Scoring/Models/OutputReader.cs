using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>Copies a task's ML.NET output object into <see cref="PredictionValues"/> (class names, not keys), allocating nothing.</summary>
internal abstract class OutputReader<TOut>
    where TOut : class, new()
{
    public abstract void Read(TOut output, PredictionValues values);
}

/// <summary>Picks the output type, reader and shape for a model's task.</summary>
internal static class OutputReaders
{
    public static object For(TaskKind task, bool calibrated, IReadOnlyList<string> classes) => task switch
    {
        TaskKind.Binary when calibrated => new BinaryReader(classes),
        TaskKind.Binary => new BinaryScoreReader(classes),
        TaskKind.Multiclass => new MulticlassReader(),
        TaskKind.Regression => new RegressionReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    public static Type OutputTypeFor(TaskKind task, bool calibrated) => task switch
    {
        TaskKind.Binary when calibrated => typeof(BinaryOutput),
        TaskKind.Binary => typeof(BinaryScoreOutput),
        TaskKind.Multiclass => typeof(MulticlassOutput),
        TaskKind.Regression => typeof(RegressionOutput),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    public static OutputShape ShapeFor(TaskKind task, bool calibrated, IReadOnlyList<string> classes) => task switch
    {
        TaskKind.Binary when !calibrated => new OutputShape(OutputKind.ClassScore, classes),
        TaskKind.Regression => new OutputShape(OutputKind.Value, classes),
        _ => new OutputShape(OutputKind.ClassProbabilities, classes),
    };
}

internal sealed class BinaryReader(IReadOnlyList<string> classes) : OutputReader<BinaryOutput>
{
    private readonly string _negative = classes[0];
    private readonly string _positive = classes[1];

    public override void Read(BinaryOutput output, PredictionValues values)
    {
        values.Label = output.PredictedLabel ? _positive : _negative;
        values.Probabilities[0] = 1 - output.Probability;
        values.Probabilities[1] = output.Probability;
    }
}

internal sealed class BinaryScoreReader(IReadOnlyList<string> classes) : OutputReader<BinaryScoreOutput>
{
    private readonly string _negative = classes[0];
    private readonly string _positive = classes[1];

    public override void Read(BinaryScoreOutput output, PredictionValues values)
    {
        values.Label = output.PredictedLabel ? _positive : _negative;
        values.Value = output.Score;
    }
}

internal sealed class MulticlassReader : OutputReader<MulticlassOutput>
{
    public override void Read(MulticlassOutput output, PredictionValues values)
    {
        values.Label = output.PredictedLabel;
        output.Score.AsSpan(0, Math.Min(output.Score.Length, values.Probabilities.Length)).CopyTo(values.Probabilities);
    }
}

internal sealed class RegressionReader : OutputReader<RegressionOutput>
{
    public override void Read(RegressionOutput output, PredictionValues values) => values.Value = output.Score;
}
