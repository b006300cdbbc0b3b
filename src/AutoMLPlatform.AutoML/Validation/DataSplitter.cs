using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Validation;

/// <summary>Splits rows into training and validation, stratified by class for classification, repeatably for a seed.</summary>
internal static class DataSplitter
{
    public static (int[] Train, int[] Validation) Split(TableColumn label, TaskKind task, double validationFraction, int seed)
    {
        var random = new Random(seed);
        var groups = task == TaskKind.Regression
            ? [Enumerable.Range(0, label.Length).ToArray()]
            : LabelEncoder.Texts(label).Select((value, row) => (value, row)).GroupBy(x => x.value, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Select(x => x.row).ToArray()).ToArray();

        var train = new List<int>();
        var validation = new List<int>();
        foreach (var rows in groups)
        {
            random.Shuffle(rows);

            // Every class keeps at least one training row; a class with two or more rows also gets one validation row.
            var take = rows.Length < 2 ? 0 : Math.Clamp((int)Math.Round(rows.Length * validationFraction), 1, rows.Length - 1);
            validation.AddRange(rows.Take(take));
            train.AddRange(rows.Skip(take));
        }

        train.Sort();
        validation.Sort();
        return ([.. train], [.. validation]);
    }
}
