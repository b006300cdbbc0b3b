namespace AutoMLPlatform.Cli;

/// <summary>
/// What the <c>automl</c> process's exit code means. Every failure also prints one line, <c>automl: …</c>, on stderr.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>
    /// Failed for a reason outside the command line: the platform could not be reached or did not answer in time, it
    /// answered 5xx, a watched job ended failed or cancelled, Ctrl+C, or anything unexpected.
    /// </summary>
    public const int Failure = 1;

    /// <summary>
    /// The command line cannot be acted on: unknown command or option, missing or malformed value, a local file that
    /// cannot be read, no API key to be found; and for <c>bench</c>, data that cannot be learnt from.
    /// </summary>
    public const int Usage = 2;

    /// <summary>
    /// The platform refused the request with a 4xx answer: bad input (400, 413, 422), no or unknown key (401), missing
    /// scope (403), unknown dataset, job or model (404), a state that forbids it (409), a quota or rate limit (429).
    /// </summary>
    public const int Refused = 3;

    /// <summary>A check ran and found a problem: <c>audit verify</c> found the audit chain broken.</summary>
    public const int CheckFailed = 4;
}
