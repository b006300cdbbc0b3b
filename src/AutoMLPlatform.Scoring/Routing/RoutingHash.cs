using System.Buffers;
using System.Text;

namespace AutoMLPlatform.Scoring.Routing;

/// <summary>
/// The stable hash that sends a routing key to the same side of a canary split in every process and after every
/// restart: FNV-1a (64 bit) over the UTF-8 bytes of <c>model \n alias \n key</c>, then MurmurHash3's 64-bit finaliser
/// so every bit of the result depends on every byte, and the result scaled onto <see cref="Buckets"/> buckets.
/// Not <see cref="string.GetHashCode()"/>, which .NET randomises per process.
/// </summary>
internal static class RoutingHash
{
    /// <summary>Buckets of a split: a percent is honoured to 0.01.</summary>
    public const int Buckets = 10_000;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;
    private const int MaxStackBytes = 512;

    /// <summary>The key's bucket, 0 to <see cref="Buckets"/> − 1, for this model and alias.</summary>
    public static int Bucket(string model, string alias, string key)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(key);
        var hash = FnvOffset;
        hash = Add(hash, model);
        hash = Add(hash, "\n");
        hash = Add(hash, alias);
        hash = Add(hash, "\n");
        hash = Add(hash, key);
        return (int)Math.BigMul(Mix(hash), Buckets, out _);
    }

    /// <summary>How many buckets a percent covers: the first <c>n</c> buckets go to the canary.</summary>
    public static int BucketsFor(double percent) => (int)Math.Round(Math.Clamp(percent, 0, 100) * (Buckets / 100), MidpointRounding.AwayFromZero);

    private static ulong Add(ulong hash, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = length <= MaxStackBytes ? stackalloc byte[MaxStackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(text, bytes);
        foreach (var b in bytes[..written])
        {
            hash = (hash ^ b) * FnvPrime;
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    /// <summary>MurmurHash3's fmix64: FNV's low bits alone are poorly mixed for short keys that differ in their last characters.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        h ^= h >> 33;
        return h;
    }
}
