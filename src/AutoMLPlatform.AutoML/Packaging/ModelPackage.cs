using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.AutoML.Hashing;
using AutoMLPlatform.Core.Modeling;
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
    /// Stages that implement <see cref="IModelPart"/> at the start of a chain (a pretrained network's embedding) or at
    /// its end (a Torch network, or a model that is one) are written as parts of their own before and after the ML.NET
    /// stages; a part between ML.NET stages is refused.
    /// A model that hashes inputs under a tenant's key (an experiment's result with keyed-hash columns) is written
    /// without that step: only the model behind it, which reads hashes, and the manifest flags exactly those inputs.
    /// </summary>
    public static void Write(Stream destination, MLContext mlContext, ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(manifest);
        var (leading, mlnet, trailing) = Split(WithoutKeyedHashing(model, manifest));
        var parts = new List<ModelPart>();
        parts.AddRange(leading.Select((part, i) => new ModelPart(part.Kind, $"{part.Kind}-{i + 1}.bin")));
        if (mlnet is not null)
        {
            parts.Add(new ModelPart(ModelPart.MLNetKind, MLNetEntry));
        }

        parts.AddRange(trailing.Select((part, i) => new ModelPart(part.Kind, $"{part.Kind}-{leading.Count + i + 1}.bin")));
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifestStream = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(manifestStream, manifest with { Parts = parts }, Json);
        }

        var extra = leading.Concat(trailing).ToArray();
        var extraEntries = parts.Where(p => p.Kind != ModelPart.MLNetKind).ToArray();
        for (var i = 0; i < leading.Count; i++)
        {
            WritePart(zip, extraEntries[i], extra[i]);
        }

        if (mlnet is not null)
        {
            // ML.NET's model is a zip already: store it without compressing it twice. Its input is what the leading parts
            // write. It stages each of its entries in a temp file first: in this process's private directory, not the
            // machine's shared one.
            var mlnetInput = leading.Aggregate(inputSchema, (schema, part) => ((ITransformer)part).GetOutputSchema(schema));
            using var modelStream = zip.CreateEntry(MLNetEntry, CompressionLevel.NoCompression).Open();
            mlContext.TempFilePath = PrivateTemp.Path;
            mlContext.Model.Save(mlnet, mlnetInput, modelStream);
        }

        for (var i = leading.Count; i < extra.Length; i++)
        {
            WritePart(zip, extraEntries[i], extra[i]);
        }
    }

    private static void WritePart(ZipArchive zip, ModelPart entry, IModelPart part)
    {
        using var partStream = zip.CreateEntry(entry.Entry, CompressionLevel.Optimal).Open();
        part.Write(partStream);
    }

    /// <summary>Reads a package back into its manifest and pipeline.</summary>
    /// <param name="source">A seekable stream over the package.</param>
    /// <param name="mlContext">The context stages are loaded into.</param>
    /// <param name="partLoaders">Loaders for parts other than ML.NET's, by <see cref="IModelPartLoader.Kind"/>.</param>
    /// <param name="hasher">The owning tenant's keyed hash, required when the manifest flags inputs as
    /// <see cref="Core.Modeling.ModelInputColumn.KeyedHash"/>: the pipeline returned hashes them before its first stage.</param>
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

    /// <summary>
    /// The parts before the ML.NET stages, the ML.NET stages to save with ML.NET (null when there are none) and the
    /// parts after them. Nested chains are read as the flat chain they are.
    /// </summary>
    private static (IReadOnlyList<IModelPart> Leading, ITransformer? MLNet, IReadOnlyList<IModelPart> Trailing) Split(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is IModelPart single)
        {
            return ([], null, [single]);
        }

        var stages = Flatten(model).ToArray();
        if (!stages.Any(s => s is IModelPart))
        {
            return ([], model, []);
        }

        var leading = stages.TakeWhile(s => s is IModelPart).Cast<IModelPart>().ToArray();
        var mlnet = stages.Skip(leading.Length).TakeWhile(s => s is not IModelPart).ToArray();
        var trailing = stages.Skip(leading.Length + mlnet.Length).Select(s => s as IModelPart
            ?? throw new ArgumentException("An ML.NET stage between two stages saved as parts of their own cannot be packaged.", nameof(model))).ToArray();
        return (leading, mlnet.Length == 0 ? null : new TransformerChain<ITransformer>(mlnet), trailing);
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is not IModelPart && transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

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
