using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Evaluation;

/// <summary>Scores a fitted model on labelled rows (a test set, say) with the same metrics the search used, by wire name.</summary>
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

        var label = table[labelColumn];
        var rows = Enumerable.Range(0, table.RowCount).Where(i => label switch
        {
            NumericColumn n => !float.IsNaN(n.Values[i]),
            StringColumn s => s.Values[i].Length > 0,
            _ => false,
        }).ToArray();
        if (rows.Length == 0)
        {
            throw new UnprocessableException("no-labelled-rows", $"No row has a value for '{labelColumn}'.", "label");
        }

        var labelled = table.Select(rows);
        var truth = ExperimentPreparer.Truth(labelled[labelColumn], labels, Enumerable.Range(0, rows.Length).ToArray());
        var classes = labels.Task == Core.Modeling.TaskKind.Multiclass ? labels.Classes.Count : 1;
        var predictions = new float[rows.Length * PredictionReader.Width(labels.Task, classes)];
        var scored = model.Transform(TabularDataView.WithLabel(labelled, labelColumn, labels));
        PredictionReader.Read(scored, labels.Task, classes, predictions, Enumerable.Range(0, rows.Length).ToArray());
        return MetricsCalculator.Compute(labels.Task, truth, predictions, classes);
    }
}
