namespace AutoMLPlatform.Scoring.Explaining;

/// <summary>
/// Shapley values from model evaluations, for any model. Both ways are additive by construction: the contributions
/// sum to f(all columns) − f(no column) up to double rounding, so base + sum = score holds for every row.
/// </summary>
internal static class ShapleyValues
{
    /// <summary>
    /// Exact values from the scores of all 2^n coalitions, <paramref name="scores"/>[mask] being the score with the
    /// columns whose bits are set in mask taken from the row and the others absent:
    /// φ_i = Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! · (f(S ∪ {i}) − f(S)).
    /// </summary>
    public static double[] Exact(ReadOnlySpan<double> scores, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(scores.Length, 1 << columns);
        var weights = new double[columns];
        for (var size = 0; size < columns; size++)
        {
            weights[size] = Factorial(size) * Factorial(columns - size - 1) / Factorial(columns);
        }

        var values = new double[columns];
        for (var mask = 0; mask < scores.Length; mask++)
        {
            var size = System.Numerics.BitOperations.PopCount((uint)mask);
            if (size == columns)
            {
                continue; // the full coalition has no column left to add
            }

            var weight = weights[size];
            for (var i = 0; i < columns; i++)
            {
                if ((mask & (1 << i)) == 0)
                {
                    values[i] += weight * (scores[mask | (1 << i)] - scores[mask]);
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Averages marginal contributions along sampled column orders. <paramref name="orders"/> holds the orders one
    /// after another (each a permutation of 0..n−1); <paramref name="steps"/> holds, per order, the scores after adding
    /// its first 1..n−1 columns. The first step starts from <paramref name="baseScore"/> and the last ends at
    /// <paramref name="fullScore"/>, shared by every order, so each order's contributions telescope to exactly
    /// fullScore − baseScore and so does their mean.
    /// </summary>
    public static double[] Sampled(ReadOnlySpan<int> orders, ReadOnlySpan<double> steps, int columns, double baseScore, double fullScore)
    {
        var count = orders.Length / columns;
        ArgumentOutOfRangeException.ThrowIfNotEqual(steps.Length, count * (columns - 1));
        var values = new double[columns];
        for (var order = 0; order < count; order++)
        {
            var previous = baseScore;
            for (var k = 0; k < columns; k++)
            {
                var current = k == columns - 1 ? fullScore : steps[(order * (columns - 1)) + k];
                values[orders[(order * columns) + k]] += current - previous;
                previous = current;
            }
        }

        for (var i = 0; i < columns; i++)
        {
            values[i] /= count;
        }

        return values;
    }

    /// <summary>Exact in a double up to 18!, far beyond <see cref="RowExplainer.ExactMaxColumns"/>.</summary>
    private static double Factorial(int n)
    {
        var product = 1.0;
        for (var i = 2; i <= n; i++)
        {
            product *= i;
        }

        return product;
    }
}
