using System.IO.Pipelines;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Registry;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Searching;

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

    /// <summary>
    /// Writes the package and stores it as the job's tenant's model blob, not registered: its hash and size. The package
    /// is written into a pipe that staging reads and seals as it goes: its plaintext never touches a disk, least of all
    /// a temp directory other users share.
    /// </summary>
    public async Task<(string Sha256, long SizeBytes)> StoreAsync(TrainingJob job, MLContext mlContext, ITransformer model, DataViewSchema inputSchema,
        ModelManifest manifest, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        var write = Task.Run(() => Write(pipe.Writer, mlContext, model, inputSchema, manifest), CancellationToken.None);
        var input = pipe.Reader.AsStream();
        StagedBlob staged;
        try
        {
            staged = await blobs.StageAsync(input, options.Value.MaxArtifactBytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Completing the reader lets a writer blocked on a full pipe run to its end; its own outcome no longer matters.
            await input.DisposeAsync().ConfigureAwait(false);
            await write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await using (staged)
        {
            await input.DisposeAsync().ConfigureAwait(false);
            await write.ConfigureAwait(false);
            await blobs.CommitAsync(staged, job.TenantId, BlobKind.Model, cancellationToken).ConfigureAwait(false);
            return (staged.Sha256, staged.SizeBytes);
        }
    }

    private static void Write(PipeWriter writer, MLContext mlContext, ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        try
        {
            using (var destination = writer.AsStream(leaveOpen: true))
            {
                ModelPackage.Write(destination, mlContext, model, inputSchema, manifest);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            // Staging sees the failure instead of a silently short package.
            writer.Complete(ex);
            throw;
        }
    }
}
