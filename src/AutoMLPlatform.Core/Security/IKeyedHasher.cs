namespace AutoMLPlatform.Core.Security;

/// <summary>
/// Replaces a sensitive value by a keyed hash under one tenant's key: equal values give equal hashes, so a column
/// of them still works as a category, while the value cannot be read back nor guessed without the key. Thread-safe.
/// </summary>
public interface IKeyedHasher
{
    /// <summary>The hash of <paramref name="value"/>; an empty value stays empty (missing stays missing).</summary>
    string Hash(ReadOnlySpan<char> value);
}
