using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// Builds the estimator chain that turns the used columns into one feature vector, <see cref="ReservedColumns.Features"/>,
/// each column by its role. The chain holds no scaling: linear trainers add their own normalizer (a searched choice),
/// trees need none. Except beside text n-grams, which come weighted and normalized and must not be rescaled: there the
/// chain min-max scales numbers and dates itself, so linear trainers can take the whole vector as it is (trees split
/// the same either way, the scaling being monotone).
/// </summary>
/// <remarks>
/// A user's column may have any name, the engine's own included. Every column this chain makes before the trainer
/// starts with <see cref="MadeColumnPrefix"/> (<c>__f0</c>, <c>__f0_missing</c>, <c>__dt_in</c>…), and every step
/// reads either a user's column or a column made earlier in the chain. So a used column whose name starts with that
/// prefix is first copied to a name of the chain's own (<c>__in0</c>…, under a prefix that no used column's name
/// starts with, so no copy overwrites a column a later copy reads) and read from there: a made column never stands in
/// for it. Other names (<c>Score</c>, <c>Label</c>, <c>a b [c]</c>) are read as they are, before anything could be
/// written under them. A table without such names gets the chain it always got, at no cost to prediction.
/// </remarks>
internal static class FeaturePipelineBuilder
{
    /// <summary>Hash bits for high-cardinality categoricals: 2^10 slots.</summary>
    public const int HashBits = 10;

    /// <summary>The start of every column name this chain makes (<see cref="ReservedColumns"/>' inputs to trainers included).</summary>
    public const string MadeColumnPrefix = "__";

    /// <summary>True when at least one column can become a feature of an ML.NET trainer.</summary>
    public static bool HasFeatures(IReadOnlyList<ColumnDecision> decisions) => decisions.Any(d => IsFeature(d.Role));

    /// <summary>True when the chain built with <paramref name="text"/> holds <see cref="TextNgrams"/> of some column.</summary>
    public static bool HasTextNgrams(IReadOnlyList<ColumnDecision> decisions, TextFeatures text) =>
        text != TextFeatures.Embeddings && decisions.Any(d => d.Role == ColumnRole.Text);

    public static bool IsFeature(ColumnRole role) =>
        role is ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.HashedCategorical or ColumnRole.Text or ColumnRole.DateTime;

    /// <param name="mlContext">The context.</param>
    /// <param name="decisions">The feature columns' decisions.</param>
    /// <param name="columnsWithMissing">Columns that had missing values in the labelled rows.</param>
    /// <param name="text">How free-text columns become features.</param>
    /// <param name="vectorColumns">For each free-text column, the column holding its sentence vector (written by the
    /// embedding stages before this chain); required when <paramref name="text"/> uses embeddings.</param>
    public static IEstimator<ITransformer> Build(MLContext mlContext, IReadOnlyList<ColumnDecision> decisions, IReadOnlyCollection<string> columnsWithMissing,
        TextFeatures text = TextFeatures.NGrams, IReadOnlyDictionary<string, string>? vectorColumns = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(columnsWithMissing);
        var used = decisions.Where(d => IsFeature(d.Role)).ToArray();
        var copyPrefix = CopyPrefix(used.Select(d => d.Name));
        var inputs = used.Select((d, i) => d.Name.StartsWith(MadeColumnPrefix, StringComparison.Ordinal) ? $"{copyPrefix}{i}" : d.Name).ToArray();
        var steps = used.Select((d, i) => (d, i)).Where(u => inputs[u.i] != u.d.Name)
            .Select(u => mlContext.Transforms.CopyColumns(inputs[u.i], u.d.Name)).ToList<IEstimator<ITransformer>>();
        var featureColumns = new List<string>();
        var scaleNumbers = HasTextNgrams(used, text);
        foreach (var (decision, index) in used.Select((d, i) => (d, i)))
        {
            var input = inputs[index];
            var output = $"__f{index}";
            var hadMissing = columnsWithMissing.Contains(decision.Name);
            switch (decision.Role)
            {
                case ColumnRole.Numeric:
                    if (hadMissing)
                    {
                        steps.Add(mlContext.Transforms.IndicateMissingValues($"{output}_missing", input));
                        steps.Add(mlContext.Transforms.Conversion.ConvertType($"{output}_missing", $"{output}_missing", DataKind.Single));
                        featureColumns.Add($"{output}_missing");
                    }

                    // Even without missing values in training a request may send null: impute it all the same.
                    steps.Add(mlContext.Transforms.ReplaceMissingValues(output, input, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    AddScaling(steps, mlContext, output, scaleNumbers);
                    featureColumns.Add(output);
                    break;
                case ColumnRole.Categorical:
                    steps.Add(mlContext.Transforms.Categorical.OneHotEncoding(output, input));
                    featureColumns.Add(output);
                    break;
                case ColumnRole.HashedCategorical:
                    steps.Add(mlContext.Transforms.Categorical.OneHotHashEncoding(output, input, numberOfBits: HashBits));
                    featureColumns.Add(output);
                    break;
                case ColumnRole.Text:
                    if (text != TextFeatures.Embeddings)
                    {
                        steps.AddRange(TextNgrams.Steps(mlContext, input, output));
                        featureColumns.Add(output);
                    }

                    if (text != TextFeatures.NGrams)
                    {
                        featureColumns.Add(vectorColumns?.GetValueOrDefault(decision.Name)
                            ?? throw new ArgumentException($"No sentence vector column for the text column '{decision.Name}'.", nameof(vectorColumns)));
                    }

                    break;
                case ColumnRole.DateTime:
                    steps.Add(mlContext.Transforms.CopyColumns(DateParts.InputColumn, input));
                    steps.Add(mlContext.Transforms.CustomMapping<DatePartsInput, DatePartsOutput>(DateParts.Map, DateParts.ContractName));
                    steps.Add(mlContext.Transforms.ReplaceMissingValues(output, DateParts.PartsColumn, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    AddScaling(steps, mlContext, output, scaleNumbers);
                    featureColumns.Add(output);
                    if (hadMissing)
                    {
                        steps.Add(mlContext.Transforms.CopyColumns($"{output}_missing", DateParts.MissingColumn));
                        featureColumns.Add($"{output}_missing");
                    }

                    break;
            }
        }

        if (featureColumns.Count == 0)
        {
            throw new UnprocessableException(TrainingErrorCodes.NoUsableColumns, "No column is usable as a feature; see the column decisions for why each was left out.");
        }

        steps.Add(mlContext.Transforms.Concatenate(ReservedColumns.Features, [.. featureColumns]));
        return steps.Skip(1).Aggregate(steps[0], (chain, step) => chain.Append(step));
    }

    private static void AddScaling(List<IEstimator<ITransformer>> steps, MLContext mlContext, string column, bool scale)
    {
        if (scale)
        {
            steps.Add(mlContext.Transforms.NormalizeMinMax(column));
        }
    }

    /// <summary><c>__in</c>, lengthened by underscores until no name in <paramref name="names"/> starts with it.</summary>
    private static string CopyPrefix(IEnumerable<string> names) => UnusedPrefix("__in", names);

    /// <summary><paramref name="stem"/>, lengthened with underscores until no name in <paramref name="names"/> starts with it.</summary>
    public static string UnusedPrefix(string stem, IEnumerable<string> names)
    {
        var all = names.ToArray();
        var prefix = stem;
        while (all.Any(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            prefix += "_";
        }

        return prefix;
    }
}
