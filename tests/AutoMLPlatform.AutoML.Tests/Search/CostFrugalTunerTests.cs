using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class CostFrugalTunerTests
{
    [Test]
    public void The_first_proposal_is_the_low_cost_start()
    {
        var tuner = new CostFrugalTuner(SyntheticObjective.Space, seed: 1);

        var first = SyntheticObjective.Space.Decode(tuner.Propose());

        Assert.That(first.Key, Is.EqualTo(SyntheticObjective.Space.Initial().Key));
    }

    [Test]
    public void It_finds_the_optimum_of_a_synthetic_function()
    {
        var tuner = new CostFrugalTuner(SyntheticObjective.Space, seed: 3);

        var (bestLoss, _) = SyntheticObjective.Run(tuner, 300);

        Assert.That(bestLoss, Is.LessThan(0.01));
    }

    [Test]
    public void When_dearer_configurations_do_not_pay_it_keeps_trying_cheap_ones()
    {
        var seeds = Enumerable.Range(0, 10).ToArray();

        var frugal = seeds.Sum(s => SyntheticObjective.Run(new CostFrugalTuner(SyntheticObjective.Space, s), 30, SyntheticObjective.LossIgnoringCount).Costs.Sum());
        var random = seeds.Sum(s => SyntheticObjective.Run(new RandomTuner(SyntheticObjective.Space, s), 30, SyntheticObjective.LossIgnoringCount).Costs.Sum());

        // Measured: about a tenth of random search's spend; accepted moves carry the count along a little.
        Assert.That(frugal, Is.LessThan(random / 3));
    }

    [Test]
    public void A_suggested_point_is_tried_right_after_the_start()
    {
        var space = new SearchSpace(SyntheticObjective.Space.Parameters,
            [new Dictionary<string, double> { ["count"] = 100, ["x"] = 0.5 }]);
        var tuner = new CostFrugalTuner(space, seed: 1);
        var start = tuner.Propose();
        tuner.Update(start, 1.0, 1);

        var second = space.Decode(tuner.Propose());

        Assert.Multiple(() =>
        {
            Assert.That(second.Int("count"), Is.EqualTo(100));
            Assert.That(second.Float("x"), Is.EqualTo(0.5).Within(1e-9));
        });
    }

    [Test]
    public void The_same_seed_gives_the_same_proposals()
    {
        var first = SyntheticObjective.Run(new CostFrugalTuner(SyntheticObjective.Space, seed: 9), 50);
        var second = SyntheticObjective.Run(new CostFrugalTuner(SyntheticObjective.Space, seed: 9), 50);

        Assert.That(second.Costs, Is.EqualTo(first.Costs));
    }
}
