using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMLPlatform.AutoML.Packaging;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Packaging;

/// <summary>
/// The layout of a Torch part inside a model package: the part's entry is itself a small zip holding
/// <c>model.json</c> (format version, classes, everything needed to turn an input into tensors) and
/// <c>weights.bin</c> (the module's parameters and buffers in TorchSharp's <c>Module.save</c> format).
/// </summary>
internal static class TorchPartArchive
{
    public const int FormatVersion = 1;
    private const string ConfigEntry = "model.json";
    private const string WeightsEntry = "weights.bin";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<TConfig>(Stream destination, TConfig config, nn.Module weights)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var stream = zip.CreateEntry(ConfigEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(stream, config, Json);
        }

        using var weightStream = zip.CreateEntry(WeightsEntry, CompressionLevel.Fastest).Open();
        using var writer = new BinaryWriter(weightStream);
        weights.save(writer);
    }

    /// <summary>Reads the config, then lets <paramref name="build"/> make the module that the weights are loaded into.</summary>
    public static (TConfig Config, TModule Module) Read<TConfig, TModule>(Stream source, Func<TConfig, TModule> build)
        where TModule : nn.Module
    {
        // The package hands over a forward-only stream; a zip needs to seek.
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            TConfig config;
            using (var stream = Open(zip, ConfigEntry))
            {
                config = JsonSerializer.Deserialize<TConfig>(stream, Json) ?? throw new InvalidModelPackageException("A Torch part has an empty model.json.");
            }

            var module = build(config);
            using var weightStream = Open(zip, WeightsEntry);
            using var reader = new BinaryReader(weightStream);
            module.load(reader);
            module.eval();
            return (config, module);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or ArgumentException or EndOfStreamException)
        {
            throw new InvalidModelPackageException($"A Torch part of the package cannot be read: {ex.Message}", ex);
        }
    }

    public static void EnsureFormat(int format)
    {
        if (format != FormatVersion)
        {
            throw new InvalidModelPackageException($"Torch part format {format} is not supported (this build reads {FormatVersion}).");
        }
    }

    private static Stream Open(ZipArchive zip, string name) =>
        (zip.GetEntry(name) ?? throw new InvalidModelPackageException($"A Torch part lacks its '{name}'.")).Open();
}
