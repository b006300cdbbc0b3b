using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Scores;
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
            throw new InvalidInputException(TrainingErrorCodes.UnknownLabel, $"The table has no column '{labelColumn}'.", "label");
        }

        var labelled = LabelledRows(table, table[labelColumn]);
        if (labelled.RowCount == 0)
        {
            throw new UnprocessableException(TrainingErrorCodes.NoLabelledRows, $"No row has a value for '{labelColumn}'.", "label");
        }

        return Score(model, labelled, labelColumn, labels).Metrics();
    }

    /// <summary>
    /// Scores a packaged model read back from the registry. Throws <see cref="IncompatibleDataException"/> when the
    /// table cannot be fed to the model as trained (a missing or retyped input, a class the model never saw).
    /// </summary>
    public static ModelEvaluation Evaluate(MLContext mlContext, LoadedModel model, LoadedTable data)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var scored = Score(model, data);
        return new ModelEvaluation(scored.Metrics(), scored.Rows);
    }

    /// <summary>
    /// The predictions of a packaged model on the labelled rows of <paramref name="data"/>, after the same checks as
    /// <see cref="Evaluate(MLContext, LoadedModel, LoadedTable)"/>. Throws <see cref="IncompatibleDataException"/>
    /// when the rows cannot be fed to the model. Rows without a label are left out (there may be none left).
    /// </summary>
    public static ScoredRows Score(LoadedModel model, LoadedTable data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var labelled = CheckedLabelledRows(model.Manifest, data);
        var manifest = model.Manifest;
        return Score(model.Transformer, labelled, manifest.Label, EncodingOf(manifest));
    }

    /// <summary>
    /// The labelled rows of <paramref name="data"/> with the model's inputs and label only, checked as
    /// <see cref="Score(LoadedModel, LoadedTable)"/> checks them: what permutation importance shuffles.
    /// </summary>
    public static LoadedTable CheckedLabelledRows(ModelManifest manifest, LoadedTable data)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(data);
        var column = data.Columns.FirstOrDefault(c => string.Equals(c.Name, manifest.Label, StringComparison.Ordinal))
            ?? throw new IncompatibleDataException($"The data has no column '{manifest.Label}', the label the model predicts.");
        var labelled = LabelledRows(data, column);
        CheckInputs(manifest, labelled);
        CheckLabel(manifest, labelled[manifest.Label]);
        return labelled.Project(manifest.Inputs.Select(i => i.Name).Append(manifest.Label));
    }

    /// <summary>How a packaged model's label is encoded.</summary>
    public static LabelEncoding EncodingOf(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Task == TaskKind.Regression ? LabelEncoding.Regression : new LabelEncoding(manifest.Task, manifest.Classes);
    }

    /// <summary>The predictions of <paramref name="model"/> on rows that all carry a label of a class the model knows.</summary>
    public static ScoredRows Score(ITransformer model, LoadedTable labelled, string labelColumn, LabelEncoding labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(labels);
        if (labelled.RowCount == 0)
        {
            return new ScoredRows(labels.Task, labels.Classes, [], []);
        }

        var all = Enumerable.Range(0, labelled.RowCount).ToArray();
        var truth = ExperimentPreparer.Truth(labelled[labelColumn], labels, all);
        var classes = labels.Task == TaskKind.Multiclass ? labels.Classes.Count : 1;
        var predictions = new float[labelled.RowCount * PredictionReader.Width(labels.Task, classes)];
        // The label stays out of the view the model reads: a column of the user's may carry the encoded label's name.
        var scored = model.Transform(TabularDataView.WithoutLabel(labelled, labelColumn));
        PredictionReader.Read(scored, labels.Task, classes, predictions, all);
        return new ScoredRows(labels.Task, labels.Classes, truth, predictions);
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
