using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Trainers;

/// <summary>Every trainer the engine knows, by name; the search uses those that support the task and data.</summary>
internal static class TrainerCatalog
{
    public static IReadOnlyList<TrainerCandidate> All { get; } =
    [
        new LightGbmCandidate(),
        new FastTreeCandidate(),
        new FastForestCandidate(),
        new SdcaCandidate(),
        new LbfgsCandidate(),
        new LinearSvmCandidate(),
        new AveragedPerceptronCandidate(),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>The candidates for a task, optionally restricted to <paramref name="allowed"/> names (any case).</summary>
    public static IReadOnlyList<TrainerCandidate> For(TaskKind task, DataShape shape, IReadOnlyCollection<string>? allowed) =>
        All.Where(c => c.Supports(task, shape))
            .Where(c => allowed is null || allowed.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
}
