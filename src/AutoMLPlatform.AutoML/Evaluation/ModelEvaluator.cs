using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Evaluation;

/// <summary>
/// Scores a fitted model on labelled rows (a test set, a retraining holdout) with the same metric code the search
/// validates trials with, so numbers from the leaderboard, a benchmark and a champion/challenger check compare.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Every metric of the task on the rows of <paramref name="table"/> that have a label. A class the model never
    /// saw counts as a wrong prediction. The table must hold the model's input columns and the label column.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Evaluate(ITransformer model, LoadedTable table, string labelColumn, LabelEncoding labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labels);
        if (!table.Columns.Any(c => c.Name == labelColumn))
        {
            throw new InvalidInputException("unknown-label", $"The table has no column '{labelColumn}'.", "label");
        }

        var labelled = LabelledRows(table, table[labelColumn]);
        if (labelled.RowCount == 0)
        {
            throw new UnprocessableException("no-labelled-rows", $"No row has a value for '{labelColumn}'.", "label");
        }

        return Score(model, labelled, labelColumn, labels);
    }

    /// <summary>
    /// Scores a packaged model read back from the registry. Throws <see cref="IncompatibleDataException"/> when the
    /// table cannot be fed to the model as trained (a missing or retyped input, a class the model never saw).
    /// </summary>
    public static ModelEvaluation Evaluate(MLContext mlContext, LoadedModel model, LoadedTable data)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var manifest = model.Manifest;
        var column = data.Columns.FirstOrDefault(c => string.Equals(c.Name, manifest.Label, StringComparison.Ordinal))
            ?? throw new IncompatibleDataException($"The data has no column '{manifest.Label}', the label the model predicts.");
        var labelled = LabelledRows(data, column);
        CheckInputs(manifest, labelled);
        CheckLabel(manifest, labelled[manifest.Label]);
        var encoding = manifest.Task == TaskKind.Regression ? LabelEncoding.Regression : new LabelEncoding(manifest.Task, manifest.Classes);
        var inputs = labelled.Project(manifest.Inputs.Select(i => i.Name).Append(manifest.Label));
        return new ModelEvaluation(Score(model.Transformer, inputs, manifest.Label, encoding), labelled.RowCount);
    }

    private static IReadOnlyDictionary<string, double> Score(ITransformer model, LoadedTable labelled, string labelColumn, LabelEncoding labels)
    {
        var all = Enumerable.Range(0, labelled.RowCount).ToArray();
        var truth = ExperimentPreparer.Truth(labelled[labelColumn], labels, all);
        var classes = labels.Task == TaskKind.Multiclass ? labels.Classes.Count : 1;
        var predictions = new float[labelled.RowCount * PredictionReader.Width(labels.Task, classes)];
        var scored = model.Transform(TabularDataView.WithLabel(labelled, labelColumn, labels));
        PredictionReader.Read(scored, labels.Task, classes, predictions, all);
        return MetricsCalculator.Compute(labels.Task, truth, predictions, classes);
    }

    private static LoadedTable LabelledRows(LoadedTable data, TableColumn label)
    {
        var rows = Enumerable.Range(0, data.RowCount).Where(row => label switch
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
