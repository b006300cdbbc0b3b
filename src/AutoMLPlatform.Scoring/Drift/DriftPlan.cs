using AutoMLPlatform.Insight.Drift;
using System.Collections.Frozen;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary>What a <see cref="DriftShard"/> needs per row, worked out once per version: each column's bins and slots, and the predictions'.</summary>
internal sealed class DriftPlan
{
    public DriftPlan(DriftReference reference, IReadOnlyList<ModelInputColumn> inputs)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(inputs);
        Layout = new DriftLayout(reference);
        ColumnCount = inputs.Count;
        var columns = inputs.Select((input, c) => (Numeric: input.Type == ColumnType.Numeric,
            Plan: new ColumnPlan(c, reference.Inputs[c], Layout.BinOffset(c), Layout.MissingSlot(c), Layout.UnseenSlot(c)))).ToArray();
        Numbers = columns.Where(c => c.Numeric).Select(c => c.Plan).ToArray();
        Texts = columns.Where(c => !c.Numeric).Select(c => c.Plan).ToArray();
        Predictions = reference.Predictions;
        if (Predictions is { IsNumeric: false })
        {
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Predictions.Count - 1; i++)
            {
                slots.TryAdd(Predictions.Labels[i], Layout.PredictionOffset + i);
            }

            ClassSlot = slots.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    public DriftLayout Layout { get; }

    public int ColumnCount { get; }

    /// <summary>The numeric input columns, in input order.</summary>
    public ColumnPlan[] Numbers { get; }

    /// <summary>The other input columns, in input order.</summary>
    public ColumnPlan[] Texts { get; }

    public DriftBins? Predictions { get; }

    /// <summary>The slot of each class the model predicts (classification only); any other label counts as "(other)".</summary>
    public FrozenDictionary<string, int>? ClassSlot { get; }

    /// <summary>One input column: its index among the inputs, its bins (null without a reference) and its slots.</summary>
    internal readonly record struct ColumnPlan(int Index, DriftBins? Bins, int Offset, int Missing, int Unseen);
}
