namespace AutoMLPlatform.Core.Common;

/// <summary>The request is valid but clashes with the current state of the thing it targets.</summary>
public class ConflictException : AutoMLPlatformException
{
    public ConflictException(string errorCode, string message)
        : base(errorCode, ErrorKind.Conflict, message)
    {
    }
}
