using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>Encrypts blobs under the owning tenant's data key (AES-256-GCM, chunked; see <see cref="EncryptedBlobFormat"/>).</summary>
public sealed class AesGcmBlobCipher(TenantKeyRing keys) : IBlobCipher
{
    public async Task<Stream> EncryptToAsync(TenantId tenant, Stream destination, CancellationToken cancellationToken) =>
        new EncryptingStream(destination, await keys.GetAsync(tenant, cancellationToken).ConfigureAwait(false));

    public async Task<Stream> DecryptFromAsync(TenantId tenant, Stream source, CancellationToken cancellationToken) =>
        new DecryptingStream(source, await keys.GetAsync(tenant, cancellationToken).ConfigureAwait(false));
}
