using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace AutoMLPlatform.Insight.Drift;

/// <summary>
/// The training side of one column (or of the predictions): how values fall into bins, and the share of training
/// values in each bin. Numbers fall into quantile bins cut at quantile edges (bin <c>i</c> holds values at least
/// edge <c>i-1</c> and below edge <c>i</c>); other values into their own bin when they were among the most frequent in
/// training, else into the last bin, "other". Immutable, shared by every live recorder of the version.
/// </summary>
public sealed class DriftBins
{
    private readonly Vector256<float>[] _edges;
    private readonly Vector512<float>[] _wideEdges;
    private readonly FrozenDictionary<string, int>? _categories;

    private DriftBins(string name, float[] edges, FrozenDictionary<string, int>? categories, bool categoriesComplete, IReadOnlyList<string> labels,
        double[] expected, double trainingMissingShare)
    {
        Name = name;
        _edges = Pack<Vector256<float>>(edges, Vector256<float>.Count, Vector256.Create);
        _wideEdges = Pack<Vector512<float>>(edges, Vector512<float>.Count, Vector512.Create);
        _categories = categories;
        CategoriesComplete = categoriesComplete;
        Labels = labels;
        Expected = expected;
        TrainingMissingShare = trainingMissingShare;
    }

    public string Name { get; }

    public bool IsNumeric => _categories is null;

    /// <summary>True when every distinct training value is known, so a value outside them is truly unseen.</summary>
    public bool CategoriesComplete { get; }

    /// <summary>One label per bin: the lower edge for numbers (<c>-inf</c> first), the value or <c>(other)</c> for categories.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Share of the present training values in each bin; sums to 1 (or is all 0 when training had none).</summary>
    public IReadOnlyList<double> Expected { get; }

    public double TrainingMissingShare { get; }

    public int Count => Expected.Count;

    public static DriftBins Numeric(string name, float[] edges, double[] expected, double trainingMissingShare) =>
        new(name, edges, null, false, ["-inf", .. edges.Select(e => e.ToString("G6", CultureInfo.InvariantCulture))], expected, trainingMissingShare);

    public static DriftBins Categorical(string name, IReadOnlyList<string> top, IEnumerable<string> others, bool complete, double[] expected,
        double trainingMissingShare)
    {
        var bins = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            bins[other] = top.Count;
        }

        for (var i = 0; i < top.Count; i++)
        {
            bins[top[i]] = i;
        }

        return new(name, [], bins.ToFrozenDictionary(StringComparer.Ordinal), complete, [.. top, "(other)"], expected, trainingMissingShare);
    }

    /// <summary>
    /// The bin of a present number: how many edges are at or below it, counted a vector of edges at a time without
    /// branches (10 bins have 9 edges: one 512-bit compare where the processor has them, else two 256-bit ones).
    /// </summary>
    public int BinOf(float value)
    {
        var bin = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var wide = Vector512.Create(value);
            foreach (var edges in _wideEdges)
            {
                bin += BitOperations.PopCount(Vector512.GreaterThanOrEqual(wide, edges).ExtractMostSignificantBits());
            }

            return bin;
        }

        var broadcast = Vector256.Create(value);
        foreach (var edges in _edges)
        {
            bin += BitOperations.PopCount(Vector256.GreaterThanOrEqual(broadcast, edges).ExtractMostSignificantBits());
        }

        return bin;
    }

    /// <summary>The edges <paramref name="width"/> to a vector, the last one filled with NaN, which no value is at or above.</summary>
    private static TVector[] Pack<TVector>(float[] edges, int width, Func<float[], int, TVector> create)
    {
        var packed = new TVector[(edges.Length + width - 1) / width];
        var padded = new float[packed.Length * width];
        Array.Fill(padded, float.NaN);
        edges.CopyTo(padded, 0);
        for (var i = 0; i < packed.Length; i++)
        {
            packed[i] = create(padded, i * width);
        }

        return packed;
    }

    /// <summary>The bin of a present value; <paramref name="unseen"/> when training never had it (only known when <see cref="CategoriesComplete"/>).</summary>
    public int BinOf(string value, out bool unseen)
    {
        if (_categories!.TryGetValue(value, out var bin))
        {
            unseen = false;
            return bin;
        }

        unseen = CategoriesComplete;
        return Count - 1;
    }
}
