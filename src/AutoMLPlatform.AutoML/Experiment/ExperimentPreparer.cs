using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Hashing;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.AutoML.Validation;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>Infers the task and column roles, encodes the label and plans validation: everything before the first trial.</summary>
internal static class ExperimentPreparer
{
    public static PreparedExperiment Prepare(LoadedTable table, DatasetSchema schema, ExperimentSettings settings)
    {
        var labelProfile = schema.Find(settings.LabelColumn)
            ?? throw new InvalidInputException(TrainingErrorCodes.UnknownLabel, $"The dataset has no column '{settings.LabelColumn}'.", "label");
        var (task, taskReason) = TaskInference.Resolve(labelProfile, settings.Task, table.RowCount);
        var metric = settings.Metric ?? Metrics.DefaultFor(task);
        if (!Metrics.AppliesTo(metric, task))
        {
            throw new InvalidInputException(TrainingErrorCodes.MetricNotForTask,
                $"The metric '{Metrics.NameOf(metric)}' does not apply to {TaskKindNames.NameOf(task)} tasks.", "metric");
        }

        // Hashed first, so no trial, featurizer or external trainer ever reads a raw value of these columns.
        var keyedHashed = KeyedHashing.ColumnsOf(schema, settings.LabelColumn);
        table = KeyedHashing.Hash(table, keyedHashed, settings.KeyedHasher);
        var labelled = DropMissingLabels(table, settings.LabelColumn);
        var labels = LabelEncodingBuilder.Build(labelled[settings.LabelColumn], task);
        var decisions = ColumnInference.Decide(schema, settings.LabelColumn, table.RowCount, settings.RequireOnnx);
        var kept = decisions.Where(d => d.Role is not (ColumnRole.Ignored or ColumnRole.Label)).ToArray();
        var data = labelled.Project(kept.Select(d => d.Name).Append(settings.LabelColumn));
        var withMissing = kept.Select(d => data[d.Name]).Where(HasMissing).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        var validation = ValidationPlanner.Plan(data[settings.LabelColumn], task, settings.Validation, settings.Folds, settings.ValidationFraction, settings.Seed,
            freeText: kept.Any(d => d.Role == ColumnRole.Text), classes: labels.Classes.Count);
        var evaluationRows = validation.Kind == ValidationKind.KFold
            ? Enumerable.Range(0, data.RowCount).ToArray()
            : validation.Folds[0].Validation;
        var positionOf = new Dictionary<int, int>(evaluationRows.Length);
        for (var i = 0; i < evaluationRows.Length; i++)
        {
            positionOf[evaluationRows[i]] = i;
        }

        var label = data[settings.LabelColumn];
        return new PreparedExperiment
        {
            Plan = new ExperimentPlan(task, taskReason, metric, decisions, validation.Description),
            LabelColumn = settings.LabelColumn,
            Table = data,
            Labels = labels,
            Features = kept.Where(d => FeaturePipelineBuilder.IsFeature(d.Role)).ToArray(),
            ColumnsWithMissing = withMissing,
            KeyedHashed = keyedHashed,
            Validation = validation,
            EvaluationRows = evaluationRows,
            FoldPositions = validation.Folds.Select(f => f.Validation.Select(r => positionOf[r]).ToArray()).ToArray(),
            Truth = Truth(label, labels, evaluationRows),
            NonNegativeLabel = task == TaskKind.Regression && label is NumericColumn n && n.Values.All(v => v >= 0),
            Deterministic = settings.MaxTrials is not null,
        };
    }

    /// <summary>The label as the metrics read it: 0/1, class index (−1 for none) or the value.</summary>
    public static float[] Truth(TableColumn label, LabelEncoding labels, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(labels);
        var encoded = LabelEncoder.Encode(label, labels);
        return rows.Select(r => encoded switch
        {
            bool[] flags => flags[r] ? 1f : 0f,
            uint[] keys => keys[r] - 1f,
            float[] numbers => numbers[r],
            _ => throw new InvalidOperationException("Unknown label encoding."),
        }).ToArray();
    }

    private static bool HasMissing(TableColumn column) => column switch
    {
        NumericColumn n => n.Values.Any(float.IsNaN),
        StringColumn s => s.Values.Any(v => v.Length == 0),
        _ => false,
    };

    private static LoadedTable DropMissingLabels(LoadedTable table, string labelColumn)
    {
        var label = table[labelColumn];
        var rows = Enumerable.Range(0, table.RowCount).Where(i => label switch
        {
            NumericColumn n => !float.IsNaN(n.Values[i]),
            StringColumn s => s.Values[i].Length > 0,
            _ => false,
        }).ToArray();
        if (rows.Length < AutoMLExperiment.MinRows)
        {
            throw new UnprocessableException("too-few-rows", $"Only {rows.Length} rows have a label; at least {AutoMLExperiment.MinRows} are needed.", "label");
        }

        return rows.Length == table.RowCount ? table : table.Select(rows);
    }
}
