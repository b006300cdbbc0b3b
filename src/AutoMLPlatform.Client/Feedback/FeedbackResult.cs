namespace AutoMLPlatform.Client.Feedback;

/// <summary>
/// What a feedback call stored: the counts, and per row its <see cref="Results"/> result (for a CSV back-fill only the
/// refused rows, at most the first 100). Refused rows wrote nothing; the others were stored.
/// </summary>
/// <param name="Accepted">Rows that gave a prediction its first outcome.</param>
/// <param name="Replaced">Rows that replaced an earlier outcome (the later one wins).</param>
/// <param name="Rejected">Rows refused: see each row's error code.</param>
/// <param name="Results">Per-row results, by the row's place in the request.</param>
public sealed record FeedbackResult(int Accepted, int Replaced, int Rejected, IReadOnlyList<FeedbackRowResult> Results);
