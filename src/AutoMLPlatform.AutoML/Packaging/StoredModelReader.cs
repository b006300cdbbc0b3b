using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>
/// Reads a registered version's stored package back into a pipeline that takes raw rows: the one way every host
/// (scoring, evaluation, export, retraining) loads a model. Parts that are not ML.NET's are rebuilt by the registered
/// <see cref="IModelPartLoader"/>s; a model that reads keyed-hash inputs gets its tenant's hasher, asked for only then,
/// so the plain models pay nothing for it.
/// </summary>
public sealed class StoredModelReader(IBlobStore blobs, IKeyedHasherSource hashers, IEnumerable<IModelPartLoader> partLoaders)
{
    public async Task<LoadedModel> ReadAsync(ModelVersion version, MLContext mlContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(mlContext);

        // Zip reading needs a seekable stream; artifacts are read whole into memory, never to another file.
        using var buffer = new MemoryStream();
        await using (var artifact = await blobs.OpenReadAsync(version.TenantId, BlobKind.Model, version.ArtifactSha256, cancellationToken).ConfigureAwait(false))
        {
            await artifact.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        // The package's own manifest says whether it needs the key, not the registry's copy of its inputs.
        buffer.Position = 0;
        var needsHasher = ModelPackage.ReadManifest(buffer).Inputs.Any(i => i.KeyedHash);
        var hasher = needsHasher ? await hashers.ForTenantAsync(version.TenantId, cancellationToken).ConfigureAwait(false) : null;
        buffer.Position = 0;
        return ModelPackage.Read(buffer, mlContext, partLoaders, hasher);
    }
}
