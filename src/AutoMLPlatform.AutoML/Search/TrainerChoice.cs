using System.Globalization;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// Which trainer the next trial goes to, and why: the chance it had, the estimated cost of its next improvement and
/// the reason in words. The leaderboard shows it beside the trial, so a person can see why a trainer got its time.
/// </summary>
internal sealed record TrainerChoice(int Index, double Probability, double EstimatedCost, string Reason)
{
    /// <summary>One line for the leaderboard, e.g. "chance 41 %, next improvement ~0.8 s: leads the search".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"chance {Probability * 100:0.#} %, next improvement ~{EstimatedCost:0.##} s: {Reason}");
}
