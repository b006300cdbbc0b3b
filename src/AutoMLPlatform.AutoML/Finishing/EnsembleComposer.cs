using System.Globalization;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Ensembling;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.Core.Modeling;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Finishing;

/// <summary>
/// Composes a weighted average of members into one saveable chain: the sentence embedding stages when a member uses
/// them, then, per featurization the members use, its featurizer followed by each of its members with their outputs
/// copied aside, then the average, all from ML.NET's own transforms (Expression for scalars, the stateless
/// <see cref="ScoreSum"/> mapping and a value map for multiclass). Members read only the features, which the next
/// featurizer writes anew, so each member's outputs can be set aside before the next overwrites them.
/// </summary>
internal static class EnsembleComposer
{
    public static ITransformer Compose(MLContext mlContext, TaskKind task, FeatureSets features, IReadOnlyList<(ITransformer Model, double Weight, TextFeatures Text)> members,
        IReadOnlyList<string> classes, IDataView input)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(members);
        members = members.OrderBy(m => m.Text).ToArray();
        var start = features.Start(members.Select(m => m.Text));
        ITransformer chain = start.Any() ? start.Append(features[members[0].Text].Featurizer) : features[members[0].Text].Featurizer;
        var parts = new List<string>();
        for (var i = 0; i < members.Count; i++)
        {
            var part = $"__ens{i}";
            if (i > 0 && members[i].Text != members[i - 1].Text)
            {
                chain = chain.Append(features[members[i].Text].Featurizer);
            }

            chain = chain.Append(members[i].Model);
            IEstimator<ITransformer> setAside = task switch
            {
                TaskKind.Binary => mlContext.Transforms.CopyColumns(part, ReservedColumns.Probability),
                TaskKind.Regression => mlContext.Transforms.CopyColumns(part, ReservedColumns.Score),
                _ => mlContext.Transforms.Expression(part, $"v => v * {Literal(members[i].Weight)}", ReservedColumns.Score),
            };
            chain = chain.Append(setAside.Fit(chain.Transform(input)));
            parts.Add(part);
        }

        foreach (var step in Combine(mlContext, task, members.Select(m => m.Weight).ToArray(), parts, classes))
        {
            chain = chain.Append(step.Fit(chain.Transform(input)));
        }

        return chain;
    }

    private static IEnumerable<IEstimator<ITransformer>> Combine(MLContext mlContext, TaskKind task, double[] weights, List<string> parts, IReadOnlyList<string> classes)
    {
        var names = parts.Select((_, i) => $"m{i}").ToArray();
        var weighted = $"({string.Join(", ", names)}) => {string.Join(" + ", names.Select((n, i) => $"{n} * {Literal(weights[i])}"))}";
        switch (task)
        {
            case TaskKind.Binary:
                yield return mlContext.Transforms.Expression(ReservedColumns.Probability, weighted, [.. parts]);
                yield return mlContext.Transforms.Expression(ReservedColumns.Score, "p => log(max(p, 0.0000001) / max(1 - p, 0.0000001))", ReservedColumns.Probability);
                yield return ProbabilityDecision.DecideAtHalf(mlContext);
                break;
            case TaskKind.Regression:
                yield return mlContext.Transforms.Expression(ReservedColumns.Score, weighted, [.. parts]);
                break;
            default:
                yield return mlContext.Transforms.Concatenate(ScoreSum.StackedColumn, [.. parts]);
                yield return mlContext.Transforms.CustomMapping<ScoreSumInput, ScoreSumOutput>(ScoreSum.Map, ScoreSum.ContractName);
                yield return mlContext.Transforms.Conversion.MapValue(ReservedColumns.PredictedLabel,
                    classes.Select((c, i) => new KeyValuePair<float, string>(i, c)), ScoreSum.TopClassColumn);
                break;
        }
    }

    private static string Literal(double weight) => weight.ToString("0.0#########", CultureInfo.InvariantCulture);
}
