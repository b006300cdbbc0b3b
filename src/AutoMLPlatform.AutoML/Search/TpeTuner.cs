
using AutoMLPlatform.AutoML.Hyperparameters;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// Tree-structured Parzen estimators (Bergstra et al., 2011), one independent density per dimension: after a few
/// random points, the observations are split into the best <see cref="Gamma"/> share ("good") and the rest;
/// candidates are drawn from the good density l(x) and the one with the highest l(x)/g(x) is proposed. Densities
/// are mixtures of normals truncated to [0, 1] with a wide prior component, bandwidths from neighbour distances.
/// The first proposals are the space's low-cost point and its suggestions, as for every tuner here.
/// </summary>
internal sealed class TpeTuner : ITuner
{
    public const double Gamma = 0.25;

    private const int StartupPoints = 5;
    private const int Candidates = 24;
    private const int MaxGood = 25;

    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly List<(double[] Point, double Loss)> _observations = [];
    private readonly HashSet<string> _tried = new(StringComparer.Ordinal);
    private readonly Queue<double[]> _starts;

    public TpeTuner(SearchSpace space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _random = new Random(seed);
        _starts = new Queue<double[]>([space.InitUnit(), .. space.SuggestedUnits()]);
    }

    public double[] Propose()
    {
        if (_starts.TryDequeue(out var start))
        {
            return start;
        }

        if (_observations.Count < StartupPoints || _observations.All(o => !double.IsFinite(o.Loss)))
        {
            return RandomPoint();
        }

        var ordered = _observations.OrderBy(o => o.Loss).ToArray();
        var goodCount = Math.Clamp((int)Math.Ceiling(Gamma * ordered.Length), 1, MaxGood);
        var good = ordered.Take(goodCount).Select(o => o.Point).ToArray();
        var bad = ordered.Skip(goodCount).Select(o => o.Point).ToArray();
        var goodDensity = Enumerable.Range(0, _space.Dimension).Select(d => new ParzenDensity(good.Select(p => p[d]).ToArray())).ToArray();
        var badDensity = Enumerable.Range(0, _space.Dimension).Select(d => new ParzenDensity(bad.Select(p => p[d]).ToArray())).ToArray();

        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < Candidates; i++)
        {
            var candidate = goodDensity.Select(density => density.Sample(_random)).ToArray();
            var score = 0.0;
            for (var d = 0; d < candidate.Length; d++)
            {
                score += goodDensity[d].LogDensity(candidate[d]) - badDensity[d].LogDensity(candidate[d]);
            }

            // Prefer configurations not yet tried: a repeat can only re-measure noise.
            if (_tried.Contains(_space.Decode(candidate).Key))
            {
                score -= 1e6;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }

        return best ?? RandomPoint();
    }

    public void Update(double[] point, double loss, double cost)
    {
        ArgumentNullException.ThrowIfNull(point);
        _tried.Add(_space.Decode(point).Key);
        _observations.Add((point, double.IsNaN(loss) ? double.PositiveInfinity : loss));
    }

    private double[] RandomPoint() => Enumerable.Range(0, _space.Dimension).Select(_ => _random.NextDouble()).ToArray();

    /// <summary>A mixture of normals truncated to [0, 1], one per observation plus a wide prior at the centre.</summary>
    private sealed class ParzenDensity
    {
        private const double PriorMean = 0.5;
        private const double PriorSigma = 1.0;

        private readonly double[] _means;
        private readonly double[] _sigmas;
        private readonly double[] _logMasses;

        public ParzenDensity(double[] observations)
        {
            var means = observations.Append(PriorMean).ToArray();
            var order = Enumerable.Range(0, means.Length).OrderBy(i => means[i]).ToArray();
            var sigmas = new double[means.Length];
            var minimum = 1.0 / Math.Min(100, 1 + means.Length);
            for (var k = 0; k < order.Length; k++)
            {
                var here = means[order[k]];
                var left = k > 0 ? here - means[order[k - 1]] : here;
                var right = k < order.Length - 1 ? means[order[k + 1]] - here : 1 - here;
                sigmas[order[k]] = Math.Clamp(Math.Max(left, right), minimum, 1.0);
            }

            sigmas[^1] = PriorSigma;
            _means = means;
            _sigmas = sigmas;
            _logMasses = means.Select((m, i) => Math.Log(Math.Max(1e-12, Gaussian.Cdf((1 - m) / sigmas[i]) - Gaussian.Cdf(-m / sigmas[i])))).ToArray();
        }

        public double Sample(Random random)
        {
            var component = random.Next(_means.Length);
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var x = _means[component] + _sigmas[component] * Gaussian.Sample(random);
                if (x is >= 0 and <= 1)
                {
                    return x;
                }
            }

            return Math.Clamp(_means[component], 0, 1);
        }

        public double LogDensity(double x)
        {
            // log Σ_k (1/K) N(x; μ_k, σ_k) / mass_k, summed stably.
            var terms = _means.Select((m, k) => Gaussian.LogDensity(x, m, _sigmas[k]) - _logMasses[k]).ToArray();
            var max = terms.Max();
            return max + Math.Log(terms.Sum(t => Math.Exp(t - max))) - Math.Log(terms.Length);
        }
    }
}
