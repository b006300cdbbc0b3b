using System.Security.Cryptography;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// The key that wraps every tenant's data key. It lives in configuration (a key file or an environment variable),
/// never in the database; <see cref="Id"/> (a fingerprint) is stored beside each wrapped key to tell keys apart.
/// </summary>
public sealed class MasterKey
{
    public const int Size = 32;

    private MasterKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    /// <summary>A short fingerprint of the key: safe to store and log.</summary>
    public string Id { get; }

    internal byte[] Key { get; }

    public static MasterKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>Reads a key written as base64 (the form <see cref="ToBase64"/> gives).</summary>
    public static MasterKey FromBase64(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new InvalidMasterKeyException($"The master key from {source} is not base64.", ex);
        }

        return key.Length == Size ? new MasterKey(key) : throw new InvalidMasterKeyException($"The master key from {source} is {key.Length} bytes; it must be {Size}.");
    }

    public string ToBase64() => Convert.ToBase64String(Key);
}
