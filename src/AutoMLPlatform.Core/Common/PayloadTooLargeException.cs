namespace AutoMLPlatform.Core.Common;

/// <summary>An upload or request body passed a configured size limit.</summary>
public sealed class PayloadTooLargeException : AutoMLPlatformException
{
    public PayloadTooLargeException(long limitBytes)
        : base("payload-too-large", ErrorKind.TooLarge, $"The content is larger than the limit of {limitBytes} bytes.")
    {
        LimitBytes = limitBytes;
    }

    public long LimitBytes { get; }
}
