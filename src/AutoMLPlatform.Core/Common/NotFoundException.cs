namespace AutoMLPlatform.Core.Common;

/// <summary>Something asked for by id or name does not exist (for this tenant).</summary>
public class NotFoundException : AutoMLPlatformException
{
    public NotFoundException(string errorCode, string message)
        : base(errorCode, ErrorKind.NotFound, message)
    {
    }
}
