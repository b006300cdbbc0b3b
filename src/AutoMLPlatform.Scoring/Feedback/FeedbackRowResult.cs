namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// What happened to one feedback row, by its place in the request: <c>status</c> 200 (<c>outcome</c> accepted or
/// replaced), 404 (<c>unknown-prediction</c>: no prediction of this tenant and model has the id) or 400 (with the
/// <c>errorCode</c> and a <c>detail</c>). Nothing is written for a row that is not 200.
/// </summary>
public sealed record FeedbackRowResult(int Index, string? PredictionId, int Status, string? Outcome, string? ErrorCode, string? Detail);
