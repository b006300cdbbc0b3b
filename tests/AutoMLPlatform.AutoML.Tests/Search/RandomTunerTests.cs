using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class RandomTunerTests
{
    [Test]
    public void The_first_proposal_is_the_low_cost_start()
    {
        var tuner = new RandomTuner(SyntheticObjective.Space, seed: 1);

        var first = SyntheticObjective.Space.Decode(tuner.Propose());

        Assert.That(first.Key, Is.EqualTo(SyntheticObjective.Space.Initial().Key));
    }

    [Test]
    public void It_gets_near_the_optimum_of_a_synthetic_function_with_enough_trials()
    {
        var tuner = new RandomTuner(SyntheticObjective.Space, seed: 3);

        var (bestLoss, _) = SyntheticObjective.Run(tuner, 400);

        Assert.That(bestLoss, Is.LessThan(0.1));
    }
}
