using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.AutoML.Hashing;
using AutoMLPlatform.Core.Security;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>
/// The model artifact format: one zip with <c>manifest.json</c> and one entry per pipeline part. ML.NET's own model
/// zip is one part; parts ML.NET cannot save (Torch weights) sit beside it, and the reader rebuilds the chain.
/// </summary>
public static class ModelPackage
{
    public const string ManifestEntry = "manifest.json";
    private const string MLNetEntry = "mlnet.zip";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Writes a package. A pipeline of ML.NET stages only is one <c>mlnet</c> part, exactly as before parts existed.
    /// Stages that implement <see cref="IModelPart"/> at the end of a chain (or a model that is one) are written as
    /// parts of their own after the ML.NET stages before them; an ML.NET stage after such a part is refused.
    /// A model that hashes inputs under a tenant's key (an experiment's result with keyed-hash columns) is written
    /// without that step: only the model behind it, which reads hashes, and the manifest flags exactly those inputs.
    /// </summary>
    public static void Write(Stream destination, MLContext mlContext, ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(manifest);
        var (mlnet, extra) = Split(WithoutKeyedHashing(model, manifest));
        var parts = new List<ModelPart>();
        if (mlnet is not null)
        {
            parts.Add(new ModelPart(ModelPart.MLNetKind, MLNetEntry));
        }

        parts.AddRange(extra.Select((part, i) => new ModelPart(part.Kind, $"{part.Kind}-{i + 1}.bin")));
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifestStream = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(manifestStream, manifest with { Parts = parts }, Json);
        }

        if (mlnet is not null)
        {
            // ML.NET's model is a zip already: store it without compressing it twice. It stages each of its entries
            // in a temp file first: in this process's private directory, not the machine's shared one.
            using var modelStream = zip.CreateEntry(MLNetEntry, CompressionLevel.NoCompression).Open();
            mlContext.TempFilePath = PrivateTemp.Path;
            mlContext.Model.Save(mlnet, inputSchema, modelStream);
        }

        for (var i = 0; i < extra.Count; i++)
        {
            using var partStream = zip.CreateEntry(parts[parts.Count - extra.Count + i].Entry, CompressionLevel.Optimal).Open();
            extra[i].Write(partStream);
        }
    }

    /// <summary>Reads a package back into its manifest and pipeline.</summary>
    /// <param name="source">A seekable stream over the package.</param>
    /// <param name="mlContext">The context stages are loaded into.</param>
    /// <param name="partLoaders">Loaders for parts other than ML.NET's, by <see cref="IModelPartLoader.Kind"/>.</param>
    /// <param name="hasher">The owning tenant's keyed hash, required when the manifest flags inputs as
    /// <see cref="Core.Registry.ModelInputColumn.KeyedHash"/>: the pipeline returned hashes them before its first stage.</param>
    public static LoadedModel Read(Stream source, MLContext mlContext, IEnumerable<IModelPartLoader>? partLoaders = null, IKeyedHasher? hasher = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var loaders = (partLoaders ?? []).ToDictionary(l => l.Kind, StringComparer.Ordinal);

        // Models may hold the engine's stateless custom mappings (date parts, ensemble averaging): ML.NET finds
        // their factories by contract name only in registered assemblies.
        mlContext.ComponentCatalog.RegisterAssembly(typeof(ModelPackage).Assembly);
        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            var manifest = ReadManifest(zip);
            ITransformer? chain = null;
            foreach (var part in manifest.Parts)
            {
                var entry = zip.GetEntry(part.Entry) ?? throw new InvalidModelPackageException($"The package lacks its part '{part.Entry}'.");
                var stage = part.Kind == ModelPart.MLNetKind
                    ? LoadMLNet(mlContext, entry)
                    : LoadPart(loaders, part, entry, new ModelPartLoadContext(mlContext, manifest));
                chain = chain is null ? stage : chain.Append(stage);
            }

            chain = chain ?? throw new InvalidModelPackageException("The package has no parts.");
            if (manifest.Inputs.Any(i => i.KeyedHash) && hasher is null)
            {
                // Never a model that would featurize raw values where it was trained on hashes: its answers would be wrong.
                throw new InvalidOperationException(
                    $"The model reads {string.Join(", ", manifest.Inputs.Where(i => i.KeyedHash).Select(i => $"'{i.Name}'"))} as keyed hashes; read it with its tenant's hasher.");
            }

            return new LoadedModel(manifest, KeyedHashing.Wrap(mlContext, chain, manifest.Inputs, hasher));
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidModelPackageException("The model artifact is not a readable zip.", ex);
        }
    }

    /// <summary>Reads only the manifest of a package.</summary>
    public static ModelManifest ReadManifest(Stream source)
    {
        using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        return ReadManifest(zip);
    }

    private static ModelManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidModelPackageException("The package has no manifest.");
        using var stream = entry.Open();
        var manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Json) ?? throw new InvalidModelPackageException("The manifest is empty.");
        return manifest.FormatVersion == ModelManifest.CurrentFormatVersion
            ? manifest
            : throw new InvalidModelPackageException($"Package format {manifest.FormatVersion} is not supported (this build reads {ModelManifest.CurrentFormatVersion}).");
    }

    /// <summary>The model behind its keyed-hash step, checked against the inputs the manifest flags.</summary>
    private static ITransformer WithoutKeyedHashing(ITransformer model, ModelManifest manifest)
    {
        var flagged = manifest.Inputs.Where(i => i.KeyedHash).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var hashed = model is KeyedHashModel keyed ? keyed.Columns : [];
        if (!flagged.SetEquals(hashed))
        {
            throw new ArgumentException(
                $"The manifest flags [{string.Join(", ", flagged)}] as keyed-hash inputs, but the model hashes [{string.Join(", ", hashed)}].", nameof(manifest));
        }

        return model is KeyedHashModel k ? k.Inner : model;
    }

    /// <summary>The ML.NET stages to save with ML.NET (null when there are none) and the parts after them.</summary>
    private static (ITransformer? MLNet, IReadOnlyList<IModelPart> Parts) Split(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is IModelPart single)
        {
            return (null, [single]);
        }

        if (model is not IEnumerable<ITransformer> stages || !stages.Any(s => s is IModelPart))
        {
            return (model, []);
        }

        var mlnet = stages.TakeWhile(s => s is not IModelPart).ToArray();
        var parts = stages.Skip(mlnet.Length).Select(s => s as IModelPart
            ?? throw new ArgumentException("An ML.NET stage after a stage saved as its own part cannot be packaged.", nameof(model))).ToArray();
        return (mlnet.Length == 0 ? null : new TransformerChain<ITransformer>(mlnet), parts);
    }

    private static ITransformer LoadPart(Dictionary<string, IModelPartLoader> loaders, ModelPart part, ZipArchiveEntry entry, ModelPartLoadContext context)
    {
        if (!loaders.TryGetValue(part.Kind, out var loader))
        {
            throw new InvalidModelPackageException($"The package has a part of kind '{part.Kind}', which this host cannot load.");
        }

        using var stream = entry.Open();
        return loader.Load(stream, context);
    }

    private static ITransformer LoadMLNet(MLContext mlContext, ZipArchiveEntry entry)
    {
        // ML.NET needs a seekable stream; the entry's stream is not.
        using var buffer = new MemoryStream(checked((int)entry.Length));
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        mlContext.TempFilePath = PrivateTemp.Path;
        return mlContext.Model.Load(buffer, out _);
    }
}
