using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>
/// The share of a job's search one run does: the whole search, or one part of a fanned-out job. Parts split the
/// engine's trainers round-robin in the catalog's order, which alternates tree and linear families, so every part has
/// a strong trainer; the trials limit is split too, and external trainers (the Torch text network) go to part 0.
/// </summary>
/// <param name="Index">The part, 0 for the whole search.</param>
/// <param name="Count">How many parts the search has, 1 for the whole search.</param>
/// <param name="Trainers">The ML.NET trainers this share may use; null for all.</param>
/// <param name="MaxTrials">This share's trials limit; null for none.</param>
internal sealed record SearchShare(int Index, int Count, IReadOnlyList<string>? Trainers, int? MaxTrials)
{
    /// <summary>The most parts a search splits into: one per trainer.</summary>
    public static int MaxParts => ExperimentSettings.KnownTrainers.Count;

    /// <summary>Whether the trainers from outside the engine compete in this share.</summary>
    public bool WithExternalTrainers => Index == 0;

    public static SearchShare Whole(JobSpec spec) => new(0, 1, null, spec.MaxTrials);

    public static SearchShare Part(JobSpec spec, int index)
    {
        var count = spec.Parallelism;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxParts);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var trainers = ExperimentSettings.KnownTrainers.Where((_, i) => i % count == index).ToArray();
        int? maxTrials = spec.MaxTrials is { } max ? Math.Max(1, max / count + (index < max % count ? 1 : 0)) : null;
        return new SearchShare(index, count, trainers, maxTrials);
    }

    /// <summary>This share with <paramref name="other"/>'s trainers and trials added: part 0 taking over a part no worker took.</summary>
    public SearchShare With(SearchShare other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Trainers = Trainers is null || other.Trainers is null ? null : [.. Trainers, .. other.Trainers],
            MaxTrials = MaxTrials is { } mine && other.MaxTrials is { } theirs ? mine + theirs : null,
        };
    }

    /// <summary>
    /// The leaderboard number of this share's trial <paramref name="number"/> (1-based): parts interleave, so numbers
    /// stay unique within the attempt and roughly in the order the trials ran.
    /// </summary>
    public int LeaderboardNumber(int number) => (number - 1) * Count + Index + 1;
}
