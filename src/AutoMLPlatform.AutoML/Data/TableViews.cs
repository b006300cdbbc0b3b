using AutoMLPlatform.Core.Tables;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Data;

/// <summary>Tables as ML.NET sees them at prediction time, for code outside the engine (exporters, explainers).</summary>
public static class TableViews
{
    /// <summary>The rows with their columns typed as models read them (numbers as <c>Single</c>, the rest as text), label left out.</summary>
    public static IDataView ForPrediction(LoadedTable table, string? labelColumn = null) => TabularDataView.WithoutLabel(table, labelColumn);
}
