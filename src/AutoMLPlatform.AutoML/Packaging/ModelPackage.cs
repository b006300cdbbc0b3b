using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

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

    /// <summary>Writes a package whose whole pipeline is one ML.NET model.</summary>
    public static void Write(Stream destination, MLContext mlContext, ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(manifest);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var withParts = manifest with { Parts = [new ModelPart(ModelPart.MLNetKind, MLNetEntry)] };
        using (var manifestStream = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(manifestStream, withParts, Json);
        }

        // ML.NET's model is a zip already: store it without compressing it twice.
        using var modelStream = zip.CreateEntry(MLNetEntry, CompressionLevel.NoCompression).Open();
        mlContext.Model.Save(model, inputSchema, modelStream);
    }

    /// <summary>Reads a package back into its manifest and pipeline.</summary>
    public static LoadedModel Read(Stream source, MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);

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
                chain = part.Kind switch
                {
                    ModelPart.MLNetKind => LoadMLNet(mlContext, entry),
                    _ => throw new InvalidModelPackageException($"The package has a part of unknown kind '{part.Kind}'."),
                };
            }

            return new LoadedModel(manifest, chain ?? throw new InvalidModelPackageException("The package has no parts."));
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

    private static ITransformer LoadMLNet(MLContext mlContext, ZipArchiveEntry entry)
    {
        // ML.NET needs a seekable stream; the entry's stream is not.
        using var buffer = new MemoryStream(checked((int)entry.Length));
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return mlContext.Model.Load(buffer, out _);
    }
}
