namespace AutoMLPlatform.Core.Common;

/// <summary>
/// Input that breaks a rule. <see cref="Field"/> names the offending field or column when there is one, and
/// <see cref="Errors"/> lists every offending field with its messages, so the HTTP edge can answer with a
/// validation problem keyed by field.
/// </summary>
public class InvalidInputException : AutoMLPlatformException
{
    public InvalidInputException(string errorCode, string message, string? field = null, Exception? inner = null)
        : base(errorCode, ErrorKind.InvalidInput, message, inner)
    {
        Field = field;
        Errors = field is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [field] = [message] };
    }

    /// <summary>Several field errors at once; the message joins them.</summary>
    public InvalidInputException(string errorCode, IReadOnlyDictionary<string, string[]> errors)
        : base(errorCode, ErrorKind.InvalidInput, string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Field = errors.Keys.FirstOrDefault();
        Errors = errors;
    }

    public string? Field { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
