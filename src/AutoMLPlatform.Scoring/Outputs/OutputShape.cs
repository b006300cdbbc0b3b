using System.Text.Json;
using AutoMLPlatform.Scoring.Outputs;

namespace AutoMLPlatform.Scoring.Outputs;

/// <summary>The shape of a model's answers, fixed per version, with the class names pre-encoded for the JSON writers.</summary>
internal sealed class OutputShape
{
    public OutputShape(OutputKind kind, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Kind = kind;
        Classes = kind == OutputKind.Value ? [] : classes;
        EncodedClasses = Classes.Select(c => JsonEncodedText.Encode(c)).ToArray();
    }

    public OutputKind Kind { get; }

    /// <summary>Class names (binary: negative then positive); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    public IReadOnlyList<JsonEncodedText> EncodedClasses { get; }

    /// <summary>How many probabilities each row carries: the class count, or 0.</summary>
    public int ProbabilityCount => Kind == OutputKind.ClassProbabilities ? Classes.Count : 0;

    public PredictionValues NewValues() => new(ProbabilityCount);
}
