namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Encrypted content failed authentication: it was altered, truncated, or sealed under another key. Never a silent
/// wrong answer: nothing of such a blob is used.
/// </summary>
public sealed class BlobAuthenticationException(string message, Exception? inner = null) : Exception(message, inner);
