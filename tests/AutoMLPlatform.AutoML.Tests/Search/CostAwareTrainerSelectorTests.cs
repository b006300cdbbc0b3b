using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class CostAwareTrainerSelectorTests
{
    private static readonly LossScale LogLoss = new("logloss", HigherIsBetter: false);
    private static readonly LossScale Auc = new("auc", HigherIsBetter: true);

    [Test]
    public void Before_anything_ran_the_cheapest_trainer_goes_first()
    {
        var arms = new[] { new ArmStatistics("dear", 5), new ArmStatistics("cheap", 1), new ArmStatistics("middle", 2) };

        var chosen = new CostAwareTrainerSelector(seed: 1, LogLoss).Select(arms);

        Assert.That(arms[chosen.Index].Name, Is.EqualTo("cheap"));
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

        var selector = new CostAwareTrainerSelector(seed: 2, LogLoss);
        var picks = Enumerable.Range(0, 1000).Count(_ => selector.Select([improving, stalled]).Index == 0);

        Assert.That(picks, Is.GreaterThan(700));
    }

    [Test]
    public void A_trainer_that_is_close_behind_and_catching_up_fast_is_not_given_up()
    {
        var leader = new ArmStatistics("leader", 1);
        var chaser = new ArmStatistics("chaser", 1);
        leader.Record(0.30, 1);
        leader.Record(0.31, 1);
        chaser.Record(1.00, 1);
        chaser.Record(0.32, 1);
        chaser.Record(0.3199, 1);

        var costs = new CostAwareTrainerSelector(seed: 1, LogLoss).EstimateCosts([leader, chaser]);

        // A tiny last improvement must not make the chaser's estimated cost to catch up explode.
        Assert.That(costs[1], Is.LessThan(10 * costs[0]));
    }

    [Test]
    public void A_trainer_far_behind_the_leader_after_its_first_trials_gets_few_more()
    {
        // As on a churn table: trees at AUC 0.91, a linear learner that jumped from 0.5 to 0.81 and stays there.
        var trees = new ArmStatistics("trees", 1);
        var linear = new ArmStatistics("linear", 0.1);
        foreach (var auc in new[] { 0.88, 0.90, 0.905, 0.91 })
        {
            trees.Record(-auc, 1);
        }

        foreach (var auc in new[] { 0.5, 0.81, 0.809, 0.81 })
        {
            linear.Record(-auc, 0.1);
        }

        var selector = new CostAwareTrainerSelector(seed: 3, Auc);
        var linearPicks = Enumerable.Range(0, 1000).Count(_ => selector.Select([trees, linear]).Index == 1);

        Assert.That(linearPicks, Is.LessThan(50));
    }

    [Test]
    public void A_trainer_behind_by_a_wide_margin_is_not_cut_before_its_first_few_trials()
    {
        var trees = new ArmStatistics("trees", 1);
        var linear = new ArmStatistics("linear", 0.1);
        trees.Record(-0.91, 1);
        linear.Record(-0.5, 0.1);
        linear.Record(-0.81, 0.1);

        var costs = new CostAwareTrainerSelector(seed: 3, Auc).EstimateCosts([trees, linear]);

        Assert.That(costs[1], Is.LessThan(costs[0]), "the linear learner is cheap and improving fast");
    }

    [Test]
    public void The_choice_says_why_a_trailing_trainer_got_its_trial()
    {
        var trees = new ArmStatistics("trees", 1);
        var linear = new ArmStatistics("linear", 1);
        trees.Record(-0.91, 1);
        foreach (var auc in new[] { 0.5, 0.81, 0.81 })
        {
            linear.Record(-auc, 1);
        }

        var selector = new CostAwareTrainerSelector(seed: 4, Auc);
        var choice = Enumerable.Range(0, 10_000).Select(_ => selector.Select([trees, linear])).First(c => c.Index == 1);

        Assert.Multiple(() =>
        {
            Assert.That(choice.Reason, Does.Contain("trails the best by 0.1 auc"));
            Assert.That(choice.Reason, Does.Contain("after 3 trials, so its chance is cut"));
            Assert.That(choice.Probability, Is.GreaterThan(0).And.LessThan(0.05));
            Assert.That(choice.Describe(), Does.StartWith("chance "));
        });
    }

    [Test]
    public void An_untried_trainer_is_estimated_from_what_the_tried_ones_cost()
    {
        var tried = new ArmStatistics("tried", 1);
        tried.Record(0.3, 2);
        var untried = new ArmStatistics("untried", 3);

        var costs = new CostAwareTrainerSelector(seed: 1, LogLoss).EstimateCosts([tried, untried]);

        Assert.That(costs[1], Is.EqualTo(6).Within(1e-9));
    }
}
