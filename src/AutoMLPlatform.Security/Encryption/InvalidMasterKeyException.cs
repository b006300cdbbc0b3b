namespace AutoMLPlatform.Security.Encryption;

/// <summary>The configured master key is malformed, or is not the key the stored data keys were wrapped with.</summary>
public sealed class InvalidMasterKeyException(string message, Exception? inner = null) : Exception(message, inner);
