
namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>What a trainer's search space and cost estimate depend on.</summary>
/// <param name="Rows">Rows a trial trains on (one fold's training part).</param>
/// <param name="Features">Width of the featurized vector.</param>
/// <param name="Classes">Classes for classification; 1 for regression.</param>
/// <param name="NonNegativeLabel">Regression only: every label is ≥ 0 (Poisson regression applies).</param>
/// <param name="HasCategoricalSlots">Some features are one-hot slots of a categorical column.</param>
/// <param name="Deterministic">Train single-threaded where threads change results, so that a seed repeats a run.</param>
/// <param name="RequireOnnx">Offer only choices whose model exports to ONNX (<see cref="Settings.ExperimentSettings.RequireOnnx"/>).</param>
/// <param name="HasTextNgrams">Some features are n-grams of free text (<see cref="Featurization.TextNgrams"/>): weighted and
/// normalized already (the numbers beside them scaled by the featurizer), so linear learners take them unscaled and
/// start with a weaker L2 penalty.</param>
internal sealed record DataShape(int Rows, int Features, int Classes, bool NonNegativeLabel, bool HasCategoricalSlots, bool Deterministic,
    bool RequireOnnx = false, bool HasTextNgrams = false)
{
    /// <summary>
    /// How much dearer trees get with width: they bin every feature densely, while linear learners touch only the
    /// non-zero slots. 1 on a narrow table; 56 on 55,000 text n-grams, where a first LightGBM trial was measured at
    /// seconds and a linear one at a fraction of that.
    /// </summary>
    public double TreeWidthFactor => 1 + Math.Max(1, Features) / 1000.0;

    /// <summary>
    /// Above this many features (text n-grams) tree learners sit out: binning tens of thousands of sparse slots took
    /// 3–18 s before the first tree on 4,000 reviews (measured), before ML.NET even checks for cancellation, while
    /// linear learners fit the same data in about a second. Text is a linear learner's game at these budgets.
    /// </summary>
    public const int MaxTreeFeatures = 20_000;

    public bool TreesFit => Features <= MaxTreeFeatures;

    /// <summary>Rows × features in millions: the unit of the cost estimates.</summary>
    public double Work => Rows * (double)Math.Max(1, Features) / 1e6;

    /// <summary>Thread count to give trainers whose result depends on it: one when runs must repeat, else ML.NET's choice.</summary>
    public int? Threads => Deterministic ? 1 : null;

    /// <summary>Below this much work per boosting round (rows × features × trees per round), LightGBM runs on one thread.</summary>
    public const double LightGbmParallelWork = 2e5;

    /// <summary>
    /// LightGBM's threads: one on small data, where synchronising threads for every tree costs more than it saves;
    /// otherwise every core but one. Left to LightGBM's own choice (one per core), its threads compete with the
    /// process's own for the cores: on 2 cores letters' default configuration took 12.5–25 s a trial against 4.8 s on one
    /// thread, so at 60 s the search often lost its best trainer to the time guard (docs/automl.md).
    /// </summary>
    public int? LightGbmThreads(int treesPerRound) => Rows * (double)Math.Max(1, Features) * treesPerRound < LightGbmParallelWork
        ? 1
        : Threads ?? Math.Max(1, Environment.ProcessorCount - 1);
}
