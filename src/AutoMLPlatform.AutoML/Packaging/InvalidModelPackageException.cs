namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>A model artifact that is not a package this code can read.</summary>
public sealed class InvalidModelPackageException(string message, Exception? inner = null) : Exception(message, inner);
