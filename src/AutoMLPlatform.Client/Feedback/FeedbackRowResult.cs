namespace AutoMLPlatform.Client.Feedback;

/// <summary>
/// One feedback row's fate: <see cref="Status"/> 200 with <see cref="Outcome"/> <c>accepted</c> or <c>replaced</c>; 404
/// (<c>unknown-prediction</c>) or 400 with the <see cref="ErrorCode"/> (<c>wrong-type</c>, <c>unknown-class</c>, …) and a <see cref="Detail"/>.
/// </summary>
/// <param name="Index">The row's place in the request (its data row, from 0, in a CSV).</param>
/// <param name="PredictionId">The id the row named, as sent.</param>
/// <param name="Status">200, 400 or 404.</param>
/// <param name="Outcome"><c>accepted</c> or <c>replaced</c> when stored.</param>
/// <param name="ErrorCode">Why the row was refused.</param>
/// <param name="Detail">The refusal in words.</param>
public sealed record FeedbackRowResult(int Index, string? PredictionId, int Status, string? Outcome, string? ErrorCode, string? Detail);
