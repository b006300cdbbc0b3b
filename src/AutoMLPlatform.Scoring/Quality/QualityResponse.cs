using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Insight.Quality;

namespace AutoMLPlatform.Scoring.Quality;

/// <summary>The answer of the quality endpoint: the whole range (<see cref="Total"/>) and its windows, oldest first.</summary>
public sealed record QualityResponse(string Model, int Version, TaskKind Task, string Window, QualityWindow Total, IReadOnlyList<QualityWindow> Windows);
