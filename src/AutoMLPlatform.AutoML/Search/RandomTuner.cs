
using AutoMLPlatform.AutoML.Hyperparameters;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>The baseline: the low-cost start and the space's suggestions, then points drawn uniformly from the unit cube.</summary>
internal sealed class RandomTuner(SearchSpace space, int seed) : ITuner
{
    private readonly Random _random = new(seed);
    private readonly Queue<double[]> _starts = new([space.InitUnit(), .. space.SuggestedUnits()]);

    public double[] Propose()
    {
        if (_starts.TryDequeue(out var start))
        {
            return start;
        }

        return Enumerable.Range(0, space.Dimension).Select(_ => _random.NextDouble()).ToArray();
    }

    public void Update(double[] point, double loss, double cost)
    {
    }
}
