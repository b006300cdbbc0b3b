using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Registry;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>Packages a trained model, stores the package as a blob and registers it as the job's model version.</summary>
internal sealed class ModelArtifacts(IBlobStore blobs, IModelRegistry registry, IOptions<JobsOptions> options)
{
    /// <summary>Writes, stores and registers; <paramref name="version"/> describes the model except for its artifact.</summary>
    public async Task<ModelVersionRef> StoreAndRegisterAsync(TrainingJob job, MLContext mlContext, ITransformer model, DataViewSchema inputSchema,
        ModelManifest manifest, Func<string, long, NewModelVersion> version, CancellationToken cancellationToken)
    {
        var (sha256, sizeBytes) = await StoreAsync(job, mlContext, model, inputSchema, manifest, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Registration is the commit point: once it starts, it finishes, whatever happens to the job meanwhile.
        var registered = await registry.RegisterAsync(version(sha256, sizeBytes), CancellationToken.None).ConfigureAwait(false);
        return new ModelVersionRef(registered.ModelName, registered.Version);
    }

    /// <summary>Writes the package and stores it as the job's tenant's model blob, not registered: its hash and size.</summary>
    public async Task<(string Sha256, long SizeBytes)> StoreAsync(TrainingJob job, MLContext mlContext, ITransformer model, DataViewSchema inputSchema,
        ModelManifest manifest, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"automlplatform-model-{Guid.NewGuid():N}.zip");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        ModelPackage.Write(file, mlContext, model, inputSchema, manifest);
        file.Position = 0;
        await using var staged = await blobs.StageAsync(file, options.Value.MaxArtifactBytes, cancellationToken).ConfigureAwait(false);
        await blobs.CommitAsync(staged, job.TenantId, BlobKind.Model, cancellationToken).ConfigureAwait(false);
        return (staged.Sha256, staged.SizeBytes);
    }
}
