
using AutoMLPlatform.AutoML.Hyperparameters;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// Proposes hyperparameters for one trainer's <see cref="SearchSpace"/> and learns from how they did. Points are
/// unit coordinates; a proposal is always followed by an <see cref="Update"/> for it before the next proposal.
/// </summary>
internal interface ITuner
{
    /// <summary>The next point to try. The first proposal of every tuner is the space's low-cost starting point.</summary>
    double[] Propose();

    /// <summary>How <paramref name="point"/> did: <paramref name="loss"/> is lower-is-better (+∞ when the trial failed or was stopped); <paramref name="cost"/> is what it took.</summary>
    void Update(double[] point, double loss, double cost);
}
