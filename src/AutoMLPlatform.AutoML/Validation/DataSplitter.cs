using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Validation;

/// <summary>
/// Splits rows into training and validation with <see cref="StratifiedSplit"/>: by class for classification, all rows
/// as one group for regression; repeatably for a seed.
/// </summary>
internal static class DataSplitter
{
    public static (int[] Train, int[] Validation) Split(TableColumn label, TaskKind task, double validationFraction, int seed)
    {
        var rows = Enumerable.Range(0, label.Length);
        var classes = task == TaskKind.Regression ? [rows.ToArray()] : StratifiedSplit.ClassesOf(LabelEncoder.Texts(label).ToArray(), rows);
        return StratifiedSplit.Split(classes, validationFraction, seed);
    }
}
