using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.Security.Masking;

/// <summary>
/// Replaces a sensitive value by a keyed hash: HMAC-SHA256 of its UTF-8 bytes, cut to 64 bits and written as 16
/// lower-case hex characters. Equal values stay equal, so the column still works as a category, but the value cannot
/// be read back, nor a guess checked, without the key.
/// </summary>
public sealed class KeyedHasher : IKeyedHasher
{
    /// <summary>Values up to this many UTF-8 bytes are encoded on the stack; longer ones borrow a pooled buffer.</summary>
    private const int StackBytes = 256;

    // One keyed HMAC per thread, reset after each value: the one-shot HMACSHA256.HashData sets the key up again on
    // every call, which measured about twice the cost of a reused one (tools/bench/keyed-hash.sh). The per-thread
    // instances go when the hasher is collected, with the model that holds it.
    private readonly ThreadLocal<IncrementalHash> _macs;

    public KeyedHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var copy = (byte[])key.Clone();
        _macs = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, copy));
    }

    /// <summary>
    /// Derives the hashing key of a tenant from its data key (HKDF-SHA256, info <c>automlplatform/masking</c>), so no
    /// second secret needs storing, and the hashes change with the data key only: re-wrapping it under a new master key
    /// leaves them as they were.
    /// </summary>
    public static KeyedHasher FromDataKey(byte[] dataKey) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, salt: [], info: "automlplatform/masking"u8.ToArray()));

    public string Hash(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty; // missing stays missing
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = most > StackBytes ? ArrayPool<byte>.Shared.Rent(most) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackBytes];
            var length = Encoding.UTF8.GetBytes(value, utf8);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            var hmac = _macs.Value!;
            hmac.AppendData(utf8[..length]);
            hmac.GetHashAndReset(mac);
            return Convert.ToHexStringLower(mac[..8]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
