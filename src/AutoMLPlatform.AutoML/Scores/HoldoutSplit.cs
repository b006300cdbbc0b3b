using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Scores;

/// <summary>
/// Splits a dataset version into the rows a job may train on and the rows held out from it, as a pure function of
/// the label's values, the task, and the <see cref="HoldoutSpec"/>: the trainer and the evaluator of a retraining
/// run each compute it and get the same rows. Only labelled rows are held out, stratified by class for
/// classification (each class keeps at least one training row); rows with a missing label stay in the training part,
/// where the engine drops them. The rows are chosen by <see cref="StratifiedSplit"/>.
/// </summary>
public static class HoldoutSplit
{
    public static (LoadedTable Training, LoadedTable Holdout) Split(LoadedTable table, DatasetSchema schema, string labelColumn, TaskKind? task,
        HoldoutSpec holdout)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(holdout);
        if (holdout.Fraction is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(holdout), holdout.Fraction, "The held-out share is between 0 and 1.");
        }

        var profile = schema.Find(labelColumn)
            ?? throw new InvalidInputException(TrainingErrorCodes.UnknownLabel, $"The dataset has no column '{labelColumn}'.", "label");
        var (resolved, _) = TaskInference.Resolve(profile, task, table.RowCount);
        var held = HeldOutRows(table[labelColumn], resolved, holdout);
        var isHeld = new bool[table.RowCount];
        foreach (var row in held)
        {
            isHeld[row] = true;
        }

        var training = Enumerable.Range(0, table.RowCount).Where(row => !isHeld[row]).ToArray();
        return (table.Select(training), table.Select(held));
    }

    private static int[] HeldOutRows(TableColumn label, TaskKind task, HoldoutSpec holdout)
    {
        var texts = LabelEncoder.Texts(label).ToArray();
        var labelled = Enumerable.Range(0, texts.Length).Where(row => texts[row].Length > 0);
        var classes = task == TaskKind.Regression ? [labelled.ToArray()] : StratifiedSplit.ClassesOf(texts, labelled);
        return StratifiedSplit.Split(classes, holdout.Fraction, holdout.Seed).SetAside;
    }
}
