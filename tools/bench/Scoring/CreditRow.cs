using Microsoft.ML.Data;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>The raw baseline's input: the credit table's feature columns as a compile-time class, as a hand-written host would have.</summary>
internal sealed class CreditRow
{
    [ColumnName("Seniority")] public float Seniority;
    [ColumnName("Home")] public string Home = string.Empty;
    [ColumnName("Time")] public float Time;
    [ColumnName("Age")] public float Age;
    [ColumnName("Marital")] public string Marital = string.Empty;
    [ColumnName("Records")] public string Records = string.Empty;
    [ColumnName("Job")] public string Job = string.Empty;
    [ColumnName("Expenses")] public float Expenses;
    [ColumnName("Income")] public float Income;
    [ColumnName("Assets")] public float Assets;
    [ColumnName("Debt")] public float Debt;
    [ColumnName("Amount")] public float Amount;
    [ColumnName("Price")] public float Price;
}

/// <summary>The raw baseline's output: a calibrated binary model's columns.</summary>
internal sealed class CreditOutput
{
    public bool PredictedLabel;
    public float Score;
    public float Probability;
}
