using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Validation;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.AutoML.Planning;

/// <summary>
/// Everything decided before the first trial: the plan the user sees, the labelled rows, their encoding, the
/// validation splits and the truth every trial's predictions are scored against.
/// </summary>
internal sealed record PreparedExperiment
{
    public required ExperimentPlan Plan { get; init; }

    public TaskKind Task => Plan.Task;

    public MetricKind Metric => Plan.Metric;

    public required string LabelColumn { get; init; }

    /// <summary>The labelled rows: every column not ignored, plus the label.</summary>
    public required LoadedTable Table { get; init; }

    public required LabelEncoding Labels { get; init; }

    /// <summary>The decisions of the columns ML.NET trainers read, in table order.</summary>
    public required IReadOnlyList<ColumnDecision> Features { get; init; }

    /// <summary>Columns that had missing values in the labelled rows (they get indicators, and may be left out of a request).</summary>
    public required IReadOnlySet<string> ColumnsWithMissing { get; init; }

    /// <summary>Columns whose values were replaced by keyed hashes before anything read them.</summary>
    public required IReadOnlySet<string> KeyedHashed { get; init; }

    public required ValidationPlan Validation { get; init; }

    /// <summary>The rows validation scores, ascending: all rows for k-fold, the validation rows of a holdout.</summary>
    public required int[] EvaluationRows { get; init; }

    /// <summary>For each fold, where its validation rows sit in <see cref="EvaluationRows"/>.</summary>
    public required IReadOnlyList<int[]> FoldPositions { get; init; }

    /// <summary>The label of each evaluation row: 0/1, class index (key − 1), or the value.</summary>
    public required float[] Truth { get; init; }

    /// <summary>Classes for multiclass, else 1.</summary>
    public int Classes => Task == TaskKind.Multiclass ? Labels.Classes.Count : 1;

    public required bool NonNegativeLabel { get; init; }

    public required bool Deterministic { get; init; }

    public int PredictionWidth => Scores.PredictionReader.Width(Task, Classes);

    /// <summary>The model inputs when an ML.NET pipeline wins: the featurized columns.</summary>
    public IReadOnlyList<ModelInputColumn> InputsOf(IEnumerable<string> columns) =>
        columns.Select(name => Plan.Columns.First(d => d.Name == name))
            .Select(d => new ModelInputColumn(d.Name, d.Type, ColumnsWithMissing.Contains(d.Name), KeyedHashed.Contains(d.Name))).ToArray();

    /// <summary>The given rows (all when null) with original columns and the encoded label, as external trainers see data.</summary>
    public TabularDataView LabelledView(IReadOnlyList<int>? rows = null) =>
        TabularDataView.WithLabel(rows is null ? Table : Table.Select(rows), LabelColumn, Labels);

    /// <summary>
    /// The given rows (all when null) with original columns and no label, as scoring sees data: what the engine's own
    /// pipelines are fitted and run on, so a user's column named like the encoded label is read as itself.
    /// </summary>
    public TabularDataView UnlabelledView(IReadOnlyList<int>? rows = null) =>
        TabularDataView.WithoutLabel(rows is null ? Table : Table.Select(rows), LabelColumn);

    /// <summary>Every row's encoded label alone, in row order.</summary>
    public TabularDataView LabelOnlyView() => TabularDataView.WithLabel(Table.Project([LabelColumn]), LabelColumn, Labels);
}
