using System.Security.Cryptography;
using System.Text;

namespace AutoMLPlatform.Security.Masking;

/// <summary>
/// Replaces a sensitive value by a keyed hash (HMAC-SHA256, 16 hex characters): equal values stay equal, so the
/// column still works as a category, but the value cannot be read back, nor guessed without the tenant's key.
/// </summary>
public sealed class KeyedHasher(byte[] key)
{
    /// <summary>Derives the hashing key of a tenant from its data key, so no second secret needs storing.</summary>
    public static KeyedHasher FromDataKey(byte[] dataKey) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, salt: [], info: "automlplatform/masking"u8.ToArray()));

    public string Hash(string value)
    {
        if (value.Length == 0)
        {
            return value; // missing stays missing
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value), mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
