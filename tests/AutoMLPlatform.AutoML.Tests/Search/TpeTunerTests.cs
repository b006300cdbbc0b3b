using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class TpeTunerTests
{
    [Test]
    public void The_first_proposal_is_the_low_cost_start()
    {
        var tuner = new TpeTuner(SyntheticObjective.Space, seed: 1);

        var first = SyntheticObjective.Space.Decode(tuner.Propose());

        Assert.That(first.Key, Is.EqualTo(SyntheticObjective.Space.Initial().Key));
    }

    [Test]
    public void It_finds_the_optimum_of_a_synthetic_function()
    {
        var tuner = new TpeTuner(SyntheticObjective.Space, seed: 3);

        var (bestLoss, _) = SyntheticObjective.Run(tuner, 200);

        Assert.That(bestLoss, Is.LessThan(0.02));
    }

    [Test]
    public void It_beats_random_search_with_the_same_number_of_trials()
    {
        var tpe = Enumerable.Range(0, 5).Select(seed => SyntheticObjective.Run(new TpeTuner(SyntheticObjective.Space, seed), 80).BestLoss).Average();
        var random = Enumerable.Range(0, 5).Select(seed => SyntheticObjective.Run(new RandomTuner(SyntheticObjective.Space, seed), 80).BestLoss).Average();

        Assert.That(tpe, Is.LessThan(random));
    }
}
