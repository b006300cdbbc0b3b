namespace AutoMLPlatform.Core.Security;

/// <summary>What training does with a sensitive column.</summary>
public enum SensitiveHandling
{
    /// <summary>Left out of training (the default for detected identifiers).</summary>
    Drop,

    /// <summary>Replaced by a keyed hash of each value (the same at prediction), used as a categorical feature.</summary>
    Hash,
}
