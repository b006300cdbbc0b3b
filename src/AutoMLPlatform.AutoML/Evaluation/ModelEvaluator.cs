using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Evaluation;

/// <summary>
/// Scores a packaged model on labelled rows with the same metric code the search validates trials with, so a
/// champion and a challenger read back from the registry can be compared on the same rows.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>Throws <see cref="IncompatibleDataException"/> when the table cannot be fed to the model as trained.</summary>
    public static ModelEvaluation Evaluate(MLContext mlContext, LoadedModel model, LoadedTable data)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var manifest = model.Manifest;
        var labelled = Labelled(data, manifest.Label);
        CheckInputs(manifest, labelled);
        var encoding = manifest.Task == TaskKind.Regression ? LabelEncoding.Regression : new LabelEncoding(manifest.Task, manifest.Classes);
        CheckLabel(manifest, labelled[manifest.Label]);

        var view = TabularDataView.WithLabel(labelled.Project(manifest.Inputs.Select(i => i.Name).Append(manifest.Label)), manifest.Label, encoding);
        var metrics = MetricsCalculator.Evaluate(mlContext, model.Transformer.Transform(view), manifest.Task);
        return new ModelEvaluation(metrics, labelled.RowCount);
    }

    private static LoadedTable Labelled(LoadedTable data, string label)
    {
        var column = data.Columns.FirstOrDefault(c => string.Equals(c.Name, label, StringComparison.Ordinal))
            ?? throw new IncompatibleDataException($"The data has no column '{label}', the label the model predicts.");
        var rows = Enumerable.Range(0, data.RowCount).Where(row => column switch
        {
            NumericColumn n => !float.IsNaN(n.Values[row]),
            StringColumn s => s.Values[row].Length > 0,
            _ => false,
        }).ToArray();
        return rows.Length == data.RowCount ? data : data.Select(rows);
    }

    private static void CheckInputs(ModelManifest manifest, LoadedTable data)
    {
        var problems = new List<string>();
        foreach (var input in manifest.Inputs)
        {
            var column = data.Columns.FirstOrDefault(c => string.Equals(c.Name, input.Name, StringComparison.Ordinal));
            if (column is null)
            {
                problems.Add($"column '{input.Name}' is missing");
            }
            else if ((input.Type == ColumnType.Numeric) != (column is NumericColumn))
            {
                problems.Add($"column '{input.Name}' was {Kind(input.Type)} in training and is {Kind(column.Type)} now");
            }
        }

        if (problems.Count > 0)
        {
            throw new IncompatibleDataException($"The model cannot read these rows: {string.Join("; ", problems)}.");
        }
    }

    private static void CheckLabel(ModelManifest manifest, TableColumn label)
    {
        if (manifest.Task == TaskKind.Regression)
        {
            if (label is not NumericColumn)
            {
                throw new IncompatibleDataException($"The label '{manifest.Label}' is not numeric any more; the model predicts a number.");
            }

            return;
        }

        var known = manifest.Classes.ToHashSet(StringComparer.Ordinal);
        var unknown = LabelEncoder.Texts(label).Where(v => !known.Contains(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(5).ToArray();
        if (unknown.Length > 0)
        {
            throw new IncompatibleDataException(
                $"The label '{manifest.Label}' has classes the model never saw: {string.Join(", ", unknown.Select(v => $"'{v}'"))}.");
        }
    }

    private static string Kind(ColumnType type) => type == ColumnType.Numeric ? "numeric" : "text";
}
