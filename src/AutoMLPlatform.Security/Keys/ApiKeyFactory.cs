using System.Security.Cryptography;
using System.Text;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Keys;

/// <summary>
/// Makes API keys (256 random bits, shown once) and the hashes they are stored and found by. Keys are long random
/// strings, so a single SHA-256 is the right hash: there is nothing for a slow password hash to protect.
/// </summary>
public static class ApiKeyFactory
{
    /// <summary>Generated keys start with this, so a leaked key is recognisable in logs and scanners.</summary>
    public const string Prefix = "amlp_";

    /// <summary>Shortest key accepted (the bootstrap key from the environment may be any such string).</summary>
    public const int MinLength = 32;

    /// <summary>Longest key looked at; longer presented keys are refused before hashing.</summary>
    public const int MaxLength = 256;

    /// <summary>A new key and its stored form. The key string is returned to the caller once and never kept.</summary>
    public static (string Key, ApiKey Stored) Create(TenantId tenant, string name, ApiScopes scopes, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, FromKey(key, tenant, name, scopes, now, expiresAt));
    }

    /// <summary>The stored form of a key chosen elsewhere (the bootstrap key).</summary>
    public static ApiKey FromKey(string key, TenantId tenant, string name, ApiScopes scopes, DateTimeOffset now, DateTimeOffset? expiresAt) =>
        IsWellFormed(key)
            ? new ApiKey(ApiKeyId.New(), tenant, name, scopes, Hash(key), now, expiresAt, null)
            : throw new ArgumentException($"An API key is {MinLength}-{MaxLength} printable ASCII characters without spaces.", nameof(key));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Printable ASCII without spaces, of a sane length: anything else is refused before a lookup.</summary>
    public static bool IsWellFormed(string? key) => key is not null && IsWellFormed(key.AsSpan());

    /// <inheritdoc cref="IsWellFormed(string?)"/>
    public static bool IsWellFormed(ReadOnlySpan<char> key) =>
        key.Length is >= MinLength and <= MaxLength && !key.ContainsAnyExceptInRange('!', '~');
}
