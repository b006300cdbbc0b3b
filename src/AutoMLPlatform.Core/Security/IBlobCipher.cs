using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Security;

/// <summary>
/// Seals and opens stored bytes under the owning tenant's data key. The blob store calls it without ever seeing a
/// key; an implementation that cannot authenticate content throws rather than return altered bytes.
/// </summary>
public interface IBlobCipher
{
    /// <summary>
    /// A stream that encrypts what is written to it onto <paramref name="destination"/>; dispose it to seal the end.
    /// The destination stays open (its owner flushes and closes it); decrypting streams, by contrast, own their source.
    /// </summary>
    Task<Stream> EncryptToAsync(TenantId tenant, Stream destination, CancellationToken cancellationToken);

    /// <summary>A stream of the plaintext of <paramref name="source"/>.</summary>
    Task<Stream> DecryptFromAsync(TenantId tenant, Stream source, CancellationToken cancellationToken);

    /// <summary>
    /// Encrypts content being staged (before its tenant's commit) under a key that lives only in this process's memory:
    /// a staging file left behind by a crash is unreadable noise.
    /// </summary>
    Stream EncryptStaging(Stream destination);

    /// <summary>Reads back content written by <see cref="EncryptStaging"/> in this process.</summary>
    Stream DecryptStaging(Stream source);
}
