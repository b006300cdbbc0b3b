namespace AutoMLPlatform.AutoML.Ensembling;

/// <summary>
/// Adds up the weighted class-probability vectors of a multiclass ensemble, stacked one after another in
/// <see cref="StackedColumn"/>; the class count comes from the last member's <c>Score</c>. Writes the averaged
/// <c>Score</c> and the index of the most probable class. A stateless ML.NET custom mapping with a contract name,
/// so an ensemble saves and loads like any other model (the loader registers this assembly's factories).
/// </summary>
public static class ScoreSum
{
    public const string ContractName = "AutoMLPlatform.ScoreSum.v1";

    public const string StackedColumn = "__ens_stacked";

    public const string TopClassColumn = "__ens_top";

    public static void Map(ScoreSumInput input, ScoreSumOutput output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var classes = input.Last.Length;
        // A fresh array per row: ML.NET may still hold the previous row's.
        var sums = new float[classes];
        var stacked = input.Stacked.DenseValues().GetEnumerator();
        for (var k = 0; stacked.MoveNext(); k++)
        {
            sums[k % Math.Max(1, classes)] += stacked.Current;
        }

        var top = 0;
        for (var c = 1; c < classes; c++)
        {
            top = sums[c] > sums[top] ? c : top;
        }

        output.Score = sums;
        output.TopClass = top;
    }
}
