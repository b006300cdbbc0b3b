namespace AutoMLPlatform.Pretrained.Text;

/// <summary>Sentence-transformers' pooling: the mean of the token states, scaled to unit length.</summary>
internal static class MeanPooling
{
    /// <param name="states">Token states, row-major [tokens, dimension], all of them real tokens (no padding).</param>
    /// <param name="tokens">Number of tokens.</param>
    /// <param name="destination">The vector, of length dimension.</param>
    public static void PoolAndNormalize(ReadOnlySpan<float> states, int tokens, Span<float> destination)
    {
        var dimension = destination.Length;
        if (tokens <= 0 || states.Length != tokens * dimension)
        {
            throw new ArgumentException($"Expected {tokens} × {dimension} token states, got {states.Length} values.", nameof(states));
        }

        // Sums in double: the order of additions is fixed, so the result is exactly repeatable.
        Span<double> sums = dimension <= 1024 ? stackalloc double[dimension] : new double[dimension];
        sums.Clear();
        for (var t = 0; t < tokens; t++)
        {
            var row = states.Slice(t * dimension, dimension);
            for (var d = 0; d < dimension; d++)
            {
                sums[d] += row[d];
            }
        }

        var norm = 0.0;
        for (var d = 0; d < dimension; d++)
        {
            norm += sums[d] * sums[d];
        }

        // The mean's 1/tokens cancels in the normalization.
        var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
        for (var d = 0; d < dimension; d++)
        {
            destination[d] = (float)(sums[d] * scale);
        }
    }
}
