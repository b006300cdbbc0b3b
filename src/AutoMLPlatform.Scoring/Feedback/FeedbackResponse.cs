namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// The answer to a feedback call: counts, and per-row <see cref="Results"/> (JSON: every row; CSV: only the refused
/// rows, at most <see cref="FeedbackIntake.MaxReportedCsvRows"/>, since a back-fill can hold millions).
/// </summary>
public sealed record FeedbackResponse(int Accepted, int Replaced, int Rejected, IReadOnlyList<FeedbackRowResult> Results);
