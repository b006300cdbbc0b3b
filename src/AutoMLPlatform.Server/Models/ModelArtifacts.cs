using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Registry;
using Microsoft.ML;

namespace AutoMLPlatform.Server.Models;

/// <summary>Reads a model version's stored package back, as scoring would load it.</summary>
internal static class ModelArtifacts
{
    public static async Task<LoadedModel> LoadAsync(IBlobStore blobs, ModelVersion version, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 0);
        using var buffer = new MemoryStream();
        await using (var artifact = await blobs.OpenReadAsync(version.TenantId, BlobKind.Model, version.ArtifactSha256, cancellationToken).ConfigureAwait(false))
        {
            await artifact.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        return ModelPackage.Read(buffer, mlContext);
    }
}
