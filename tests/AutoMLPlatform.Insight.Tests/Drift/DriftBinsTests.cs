using AutoMLPlatform.Insight.Drift;

namespace AutoMLPlatform.Insight.Tests.Drift;

public class DriftBinsTests
{
    private static readonly DriftBins Nine = DriftBins.Numeric("x", [1, 2, 3, 4, 5, 6, 7, 8, 9], new double[10], 0);
    private static readonly DriftBins Seventeen = DriftBins.Numeric("x", [.. Enumerable.Range(1, 17).Select(i => (float)i)], new double[18], 0);

    [TestCase(0.5f, 0)]
    [TestCase(1f, 1)]
    [TestCase(4.5f, 4)]
    [TestCase(8.99f, 8)]
    [TestCase(9f, 9)]
    [TestCase(1e30f, 9)]
    [TestCase(float.NegativeInfinity, 0)]
    [TestCase(float.PositiveInfinity, 9)]
    public void A_number_falls_in_the_bin_counted_by_the_edges_at_or_below_it(float value, int bin) =>
        Assert.That(Nine.BinOf(value), Is.EqualTo(bin));

    [TestCase(16.5f, 16)]
    [TestCase(17f, 17)]
    [TestCase(8f, 8)]
    public void Edges_beyond_one_vector_are_counted_too(float value, int bin) =>
        Assert.That(Seventeen.BinOf(value), Is.EqualTo(bin));
}
