using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Scoring.Models;

/// <summary>Turns a task's ML.NET output object into a <see cref="Prediction"/> in the user's terms (class names, not keys).</summary>
internal abstract class OutputReader<TOut>
    where TOut : class, new()
{
    public abstract Prediction Read(TOut output);
}

/// <summary>Picks the output type and reader for a model's task.</summary>
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
}

internal sealed class BinaryReader(IReadOnlyList<string> classes) : OutputReader<BinaryOutput>
{
    public override Prediction Read(BinaryOutput output) =>
        new(output.PredictedLabel ? classes[1] : classes[0], null, [1 - output.Probability, output.Probability]);
}

internal sealed class BinaryScoreReader(IReadOnlyList<string> classes) : OutputReader<BinaryScoreOutput>
{
    public override Prediction Read(BinaryScoreOutput output) =>
        new(output.PredictedLabel ? classes[1] : classes[0], output.Score, null);
}

internal sealed class MulticlassReader : OutputReader<MulticlassOutput>
{
    public override Prediction Read(MulticlassOutput output) => new(output.PredictedLabel, null, (float[])output.Score.Clone());
}

internal sealed class RegressionReader : OutputReader<RegressionOutput>
{
    public override Prediction Read(RegressionOutput output) => new(null, output.Score, null);
}
