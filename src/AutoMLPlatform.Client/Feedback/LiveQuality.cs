namespace AutoMLPlatform.Client.Feedback;

/// <summary>A version's live quality over a range (<see cref="Total"/>) and per window of it, oldest first.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The version scored.</param>
/// <param name="Task"><c>binary</c>, <c>multiclass</c> or <c>regression</c>.</param>
/// <param name="Window"><c>hour</c> or <c>day</c>.</param>
/// <param name="Total">The whole range.</param>
/// <param name="Windows">Each window of the range, oldest first.</param>
public sealed record LiveQuality(string Model, int Version, string Task, string Window, QualityWindow Total, IReadOnlyList<QualityWindow> Windows);
