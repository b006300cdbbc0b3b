namespace AutoMLPlatform.AutoML.Search;

/// <summary>The normal distribution's sampler, density and distribution function, for the tuners.</summary>
internal static class Gaussian
{
    private static readonly double LogRootTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Sample(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double LogDensity(double x, double mean, double sigma)
    {
        var z = (x - mean) / sigma;
        return -0.5 * z * z - Math.Log(sigma) - LogRootTwoPi;
    }

    /// <summary>Φ(x), from the complementary error function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.3275911 * z);
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        var erfcAbs = poly * Math.Exp(-z * z);
        return x >= 0 ? erfcAbs : 2 - erfcAbs;
    }
}
