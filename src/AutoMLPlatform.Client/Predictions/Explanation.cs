namespace AutoMLPlatform.Client.Predictions;

/// <summary>Why a row got its score: <paramref name="Base"/> plus the <paramref name="Contributions"/> of each input column equals <paramref name="Score"/>.</summary>
/// <param name="Base">The score with no column known (the average over the training rows).</param>
/// <param name="Score">The explained score.</param>
/// <param name="Explains">Which output is explained (<c>probabilities.Gentoo</c>, <c>predictedValue</c>, …).</param>
/// <param name="Method">How the contributions were computed (<c>exact-shapley</c>, …).</param>
/// <param name="Contributions">Each input column's share of the difference.</param>
public sealed record Explanation(double Base, double Score, string Explains, string Method, IReadOnlyDictionary<string, double> Contributions);
