namespace AutoMLPlatform.Core.Common;

/// <summary>A tenant's quota or rate limit is used up; <see cref="RetryAfter"/> says when to try again.</summary>
public sealed class LimitExceededException(string errorCode, string message, TimeSpan retryAfter)
    : AutoMLPlatformException(errorCode, ErrorKind.LimitExceeded, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
