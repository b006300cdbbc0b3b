using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class HyperparameterTests
{
    [Test]
    public void A_log_scale_puts_the_geometric_middle_at_the_unit_middle()
    {
        var rate = Hyperparameter.Float("rate", 1e-4, 1, 1e-4, log: true);

        Assert.That(rate.FromUnit(0.5), Is.EqualTo(1e-2).Within(1e-12));
    }

    [Test]
    public void An_integer_reaches_both_ends_of_its_range()
    {
        var count = Hyperparameter.Integer("count", 4, 4096, 4, log: true);

        Assert.Multiple(() =>
        {
            Assert.That(count.FromUnit(0), Is.EqualTo(4));
            Assert.That(count.FromUnit(1), Is.EqualTo(4096));
        });
    }

    [TestCase(4)]
    [TestCase(31)]
    [TestCase(4096)]
    public void An_integer_survives_a_round_trip_through_the_unit_interval(int value)
    {
        var count = Hyperparameter.Integer("count", 4, 4096, 4, log: true);

        Assert.That(count.FromUnit(count.ToUnit(value)), Is.EqualTo(value));
    }

    [Test]
    public void A_choice_gives_each_option_an_equal_share_of_the_unit_interval()
    {
        var kind = Hyperparameter.Choice("kind", ["a", "b", "c"]);

        Assert.That(new[] { 0.1, 0.5, 0.9 }.Select(kind.FromUnit), Is.EqualTo(new double[] { 0, 1, 2 }));
    }

    [Test]
    public void A_start_outside_the_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hyperparameter.Float("rate", 0.1, 1, 5));
    }
}
