namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>
/// The claim of a queued row: Queued → Running by compare-and-set, so of two deliveries of one id exactly one works.
/// A recoverable row whose attempts are used up is failed instead: a job that kills every worker that takes it (or
/// is interrupted every time) must not go round forever.
/// </summary>
internal static class LeaseClaim
{
    /// <summary>The running row, or null when another worker claimed it first.</summary>
    public static async Task<TRow?> TryClaimAsync<TRow>(ILeasedRows<TRow> rows, TRow queued, DateTimeOffset now, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var running = rows.Start(queued, now);
        return await rows.TryWriteAsync(running, queued, cancellationToken).ConfigureAwait(false) ? running : null;
    }

    /// <summary>Claims a new attempt, or fails the row when <paramref name="maxAttempts"/> were already started.</summary>
    public static async Task<(ClaimResult Result, TRow Row)> ClaimAsync<TRow>(IRecoverableRows<TRow> rows, TRow queued, DateTimeOffset now,
        int maxAttempts, CancellationToken cancellationToken)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.AttemptOf(queued) >= maxAttempts)
        {
            var failed = rows.GiveUp(queued, now, AttemptsUsedUp(rows.Noun, rows.AttemptOf(queued),
                "each ended without finishing: its worker died, lost the database or was shut down"));
            return (await rows.TryWriteAsync(failed, queued, cancellationToken).ConfigureAwait(false) ? ClaimResult.GaveUp : ClaimResult.Taken, failed);
        }

        var running = await TryClaimAsync(rows, queued, now, cancellationToken).ConfigureAwait(false);
        return running is null ? (ClaimResult.Taken, queued) : (ClaimResult.Claimed, running);
    }

    /// <summary>What a row failed for its attempts says.</summary>
    public static string AttemptsUsedUp(string noun, int attempts, string why) =>
        $"Gave up on this {noun} after {attempts} attempts ({JobsOptions.SectionName}:MaxAttempts); {why}.";
}
