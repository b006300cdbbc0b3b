using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class CostAwareTrainerSelectorTests
{
    [Test]
    public void Before_anything_ran_the_cheapest_trainer_goes_first()
    {
        var arms = new[] { new ArmStatistics("dear", 5), new ArmStatistics("cheap", 1), new ArmStatistics("middle", 2) };

        var chosen = new CostAwareTrainerSelector(seed: 1).Select(arms);

        Assert.That(arms[chosen].Name, Is.EqualTo("cheap"));
    }

    [Test]
    public void A_cheap_trainer_that_keeps_improving_gets_most_trials()
    {
        var improving = new ArmStatistics("improving", 1);
        var stalled = new ArmStatistics("stalled", 1);
        foreach (var loss in new[] { 0.5, 0.4, 0.3, 0.25 })
        {
            improving.Record(loss, 1);
        }

        foreach (var loss in new[] { 0.35, 0.36, 0.37, 0.38, 0.39, 0.40 })
        {
            stalled.Record(loss, 5);
        }

        var selector = new CostAwareTrainerSelector(seed: 2);
        var picks = Enumerable.Range(0, 1000).Count(_ => selector.Select([improving, stalled]) == 0);

        Assert.That(picks, Is.GreaterThan(700));
    }

    [Test]
    public void A_trainer_that_is_behind_but_catching_up_fast_is_not_given_up()
    {
        var leader = new ArmStatistics("leader", 1);
        var chaser = new ArmStatistics("chaser", 1);
        leader.Record(0.30, 1);
        leader.Record(0.31, 1);
        chaser.Record(1.00, 1);
        chaser.Record(0.50, 1);
        chaser.Record(0.4999, 1);

        var costs = CostAwareTrainerSelector.EstimateCosts([leader, chaser]);

        // A tiny last improvement must not make the chaser's estimated cost to catch up explode.
        Assert.That(costs[1], Is.LessThan(10 * costs[0]));
    }

    [Test]
    public void An_untried_trainer_is_estimated_from_what_the_tried_ones_cost()
    {
        var tried = new ArmStatistics("tried", 1);
        tried.Record(0.3, 2);
        var untried = new ArmStatistics("untried", 3);

        var costs = CostAwareTrainerSelector.EstimateCosts([tried, untried]);

        Assert.That(costs[1], Is.EqualTo(6).Within(1e-9));
    }
}
