namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>
/// How many per-leaf feature histograms ML.NET's FastTree and FastForest keep. By default they keep one per leaf, and
/// a histogram holds every feature's bins, so memory grows with leaves × features: a forest of 1,823-leaf trees on
/// the 56 features of a 4,558-row table peaked at 1,028 MB (`automl bench` on Chicago). A pool of
/// <see cref="MaxPooled"/> computes the histograms of the leaves it does not hold again, which only costs time.
/// </summary>
internal static class TreeHistograms
{
    public const int MaxPooled = 64;

    /// <summary>The pool size for trees of <paramref name="leaves"/> leaves: one per split node up to <see cref="MaxPooled"/>.</summary>
    public static int PoolSize(int leaves) => Math.Clamp(leaves - 1, 2, MaxPooled);
}
