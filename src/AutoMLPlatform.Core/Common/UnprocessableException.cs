namespace AutoMLPlatform.Core.Common;

/// <summary>Well-formed input that the platform cannot act on as asked (for example a label with one value).</summary>
public class UnprocessableException : AutoMLPlatformException
{
    public UnprocessableException(string errorCode, string message, string? field = null)
        : base(errorCode, ErrorKind.Unprocessable, message)
    {
        Field = field;
    }

    public string? Field { get; }
}
