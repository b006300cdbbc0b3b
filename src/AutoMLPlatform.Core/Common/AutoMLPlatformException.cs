namespace AutoMLPlatform.Core.Common;

/// <summary>
/// Base of every exception the platform throws on purpose: a state the caller cannot continue from.
/// <see cref="ErrorCode"/> is stable (clients may switch on it); <see cref="Kind"/> says which family of
/// HTTP status the edge maps it to.
/// </summary>
public abstract class AutoMLPlatformException : Exception
{
    protected AutoMLPlatformException(string errorCode, ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        Kind = kind;
    }

    /// <summary>A stable, kebab-case code such as <c>dataset-not-found</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The family of the error, used by the HTTP edge and the CLI to pick a status or exit code.</summary>
    public ErrorKind Kind { get; }
}
