using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Drift;

/// <summary>
/// The host's real blob store with a gate in front of dataset reads, which only the drift reference makes in a scoring
/// host: a test holds the reference back (or makes it fail) while models, read from the same store, load as usual.
/// </summary>
internal sealed class GatedDatasetReads(IBlobStore inner, Task gate) : IBlobStore
{
    /// <summary>Wraps the host's <see cref="IBlobStore"/> so that dataset reads wait for <paramref name="gate"/> (and throw what it throws).</summary>
    public static Action<IServiceCollection> Install(Task gate) => services =>
    {
        var real = services.Last(d => d.ServiceType == typeof(IBlobStore));
        services.Remove(real);
        services.AddSingleton<IBlobStore>(sp => new GatedDatasetReads((IBlobStore)real.ImplementationFactory!(sp), gate));
    };

    public async Task<Stream> OpenReadAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken)
    {
        if (kind == BlobKind.Dataset)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return await inner.OpenReadAsync(tenant, kind, sha256, cancellationToken);
    }

    public Task<StagedBlob> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken) => inner.StageAsync(content, maxBytes, cancellationToken);

    public Task<bool> CommitAsync(StagedBlob staged, TenantId tenant, BlobKind kind, CancellationToken cancellationToken) =>
        inner.CommitAsync(staged, tenant, kind, cancellationToken);

    public Task<bool> ExistsAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken) =>
        inner.ExistsAsync(tenant, kind, sha256, cancellationToken);

    public Task<bool> DeleteAsync(TenantId tenant, BlobKind kind, string sha256, CancellationToken cancellationToken) =>
        inner.DeleteAsync(tenant, kind, sha256, cancellationToken);

    public Task<bool> DeleteTenantAsync(TenantId tenant, CancellationToken cancellationToken) => inner.DeleteTenantAsync(tenant, cancellationToken);
}
