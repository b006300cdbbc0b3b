using System.Security.Cryptography;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Encrypts blobs under the owning tenant's data key (AES-256-GCM, chunked; see <see cref="EncryptedBlobFormat"/>),
/// and staging files under a random key that never leaves this process.
/// </summary>
public sealed class AesGcmBlobCipher(TenantKeyRing keys) : IBlobCipher
{
    private readonly byte[] _stagingKey = RandomNumberGenerator.GetBytes(32);

    public async Task<Stream> EncryptToAsync(TenantId tenant, Stream destination, CancellationToken cancellationToken) =>
        new EncryptingStream(destination, await keys.GetAsync(tenant, cancellationToken).ConfigureAwait(false), leaveOpen: true);

    public async Task<Stream> DecryptFromAsync(TenantId tenant, Stream source, CancellationToken cancellationToken) =>
        new DecryptingStream(source, await keys.GetAsync(tenant, cancellationToken).ConfigureAwait(false));

    public Stream EncryptStaging(Stream destination) => new EncryptingStream(destination, _stagingKey, leaveOpen: true);

    public Stream DecryptStaging(Stream source) => new DecryptingStream(source, _stagingKey);
}
