using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>Chooses class names and their order from the label values seen in training.</summary>
internal static class LabelEncodingBuilder
{
    /// <summary>Pairs whose positive class is obvious, lower-case, negative first.</summary>
    private static readonly (string Negative, string Positive)[] NaturalPairs =
        [("0", "1"), ("false", "true"), ("no", "yes"), ("n", "y"), ("f", "t"), ("-1", "1")];

    public static LabelEncoding Build(TableColumn label, TaskKind task)
    {
        if (task == TaskKind.Regression)
        {
            return LabelEncoding.Regression;
        }

        var counts = LabelEncoder.Texts(label)
            .Where(v => v.Length > 0)
            .GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var classes = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        return task == TaskKind.Binary
            ? new LabelEncoding(task, OrderBinary(classes, counts))
            : new LabelEncoding(task, classes);
    }

    /// <summary>Negative first: the natural order for pairs like no/yes, otherwise the rarer class is positive.</summary>
    private static string[] OrderBinary(string[] classes, Dictionary<string, int> counts)
    {
        if (classes.Length != 2)
        {
            throw new InvalidOperationException($"A binary label needs two classes, not {classes.Length}.");
        }

        foreach (var (negative, positive) in NaturalPairs)
        {
            if (string.Equals(classes[0], negative, StringComparison.OrdinalIgnoreCase) && string.Equals(classes[1], positive, StringComparison.OrdinalIgnoreCase))
            {
                return classes;
            }

            if (string.Equals(classes[1], negative, StringComparison.OrdinalIgnoreCase) && string.Equals(classes[0], positive, StringComparison.OrdinalIgnoreCase))
            {
                return [classes[1], classes[0]];
            }
        }

        return counts[classes[0]] < counts[classes[1]] ? [classes[1], classes[0]] : classes;
    }
}
