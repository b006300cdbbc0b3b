using AutoMLPlatform.Scoring.Explaining;

namespace AutoMLPlatform.Scoring.Tests.Explaining;

public class ShapleyValuesTests
{
    /// <summary>f = 2·x0 + 3·x1 + 4·x0·x1 over coalitions (bit i set: column i present with value 1, else 0).</summary>
    private static readonly double[] Interacting = [0, 2, 3, 9];

    [Test]
    public void Exact_values_split_an_interaction_equally_and_keep_each_columns_own_effect()
    {
        var values = ShapleyValues.Exact(Interacting, 2);

        Assert.That(values, Is.EqualTo(new[] { 4.0, 5.0 }).Within(1e-12));
    }

    [Test]
    public void Exact_values_of_three_columns_sum_to_the_full_score_minus_the_base()
    {
        double[] scores = [1, 4, -2, 7, 0.5, 3, 11, -6];

        var values = ShapleyValues.Exact(scores, 3);

        Assert.That(values.Sum(), Is.EqualTo(-6 - 1).Within(1e-12));
    }

    [Test]
    public void Sampled_values_over_both_orders_of_two_columns_are_the_exact_values()
    {
        int[] orders = [0, 1, 1, 0];
        double[] steps = [2, 3];

        var values = ShapleyValues.Sampled(orders, steps, 2, baseScore: 0, fullScore: 9);

        Assert.That(values, Is.EqualTo(new[] { 4.0, 5.0 }).Within(1e-12));
    }
}
