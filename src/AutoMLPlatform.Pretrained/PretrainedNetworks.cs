using System.Collections.Concurrent;
using System.Diagnostics;
using AutoMLPlatform.Pretrained.Assets;
using AutoMLPlatform.Pretrained.Images;
using AutoMLPlatform.Pretrained.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMLPlatform.Pretrained;

/// <summary>
/// The pretrained networks of this process: each is read (verified by SHA-256) and loaded on first use, once, and
/// shared by every caller after that — the engine's featurizers, every model version of every tenant that uses it,
/// and the embeddings endpoint. Register it as a singleton (<see cref="PretrainedServiceCollectionExtensions.AddPretrainedNetworks"/>);
/// a host that makes its own (the CLI) keeps one for the process.
/// </summary>
public sealed partial class PretrainedNetworks : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SentenceEncoder>> _encoders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<ImageFeatureExtractor> _resNet18;
    private readonly string _baseDirectory;
    private readonly ILogger _logger;

    /// <param name="logger">Where loads are logged.</param>
    /// <param name="baseDirectory">The folder the build copied <c>pretrained/</c> into; the application's folder by default.</param>
    public PretrainedNetworks(ILogger<PretrainedNetworks>? logger = null, string? baseDirectory = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _baseDirectory = baseDirectory ?? AppContext.BaseDirectory;
        _resNet18 = new Lazy<ImageFeatureExtractor>(LoadResNet18, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>ResNet18's image feature extractor, loaded now if this is its first use.</summary>
    /// <exception cref="PretrainedAssetException">Its files are missing or altered.</exception>
    public ImageFeatureExtractor ResNet18() => _resNet18.Value;

    /// <summary>Whether ResNet18 is loaded already.</summary>
    public bool IsResNet18Loaded => _resNet18.IsValueCreated;

    /// <summary>The sentence encoder of that name, loaded now if this is its first use.</summary>
    /// <exception cref="PretrainedAssetException">Unknown name (<c>pretrained-asset-unknown</c>), or its files missing or altered.</exception>
    public SentenceEncoder SentenceEncoder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var spec = SentenceEncoders.Find(name) ?? throw new PretrainedAssetException("pretrained-asset-unknown",
            $"There is no sentence encoder '{name}'. Known: {string.Join(", ", SentenceEncoders.All.Select(s => s.Name))}.");

        // Lazy with ExecutionAndPublication: concurrent first callers wait for one load instead of loading twice.
        return _encoders.GetOrAdd(spec.Name, _ => new Lazy<SentenceEncoder>(() => Load(spec), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>How many networks this process has loaded.</summary>
    public int LoadedCount => _encoders.Values.Count(l => l.IsValueCreated) + (_resNet18.IsValueCreated ? 1 : 0);

    /// <summary>Whether the named encoder is loaded already (a load in progress does not count).</summary>
    public bool IsLoaded(string name) => _encoders.TryGetValue(name, out var lazy) && lazy.IsValueCreated;

    /// <summary>Reads an asset's bytes, verified: for callers that need the file itself.</summary>
    public byte[] ReadAsset(PretrainedAsset asset) => AssetReader.Read(asset, _baseDirectory);

    private ImageFeatureExtractor LoadResNet18()
    {
        var started = Stopwatch.GetTimestamp();
        var asset = PretrainedAssets.ResNet18;
        var extractor = new ImageFeatureExtractor(asset, AssetReader.Read(PretrainedAssets.ResNet18Preprocess, _baseDirectory), AssetReader.Read(asset, _baseDirectory));
        LogLoaded(asset.Name, asset.Sha256, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return extractor;
    }

    private SentenceEncoder Load(SentenceEncoderSpec spec)
    {
        var started = Stopwatch.GetTimestamp();
        var encoder = new SentenceEncoder(spec, AssetReader.Read(spec.Model, _baseDirectory), AssetReader.Read(spec.Vocabulary, _baseDirectory));
        LogLoaded(spec.Name, spec.Model.Sha256, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return encoder;
    }

    public void Dispose()
    {
        foreach (var lazy in _encoders.Values.Where(l => l.IsValueCreated))
        {
            lazy.Value.Dispose();
        }

        if (_resNet18.IsValueCreated)
        {
            _resNet18.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pretrained network {Name} (SHA-256 {Sha256}) loaded in {ElapsedMs} ms")]
    private partial void LogLoaded(string name, string sha256, long elapsedMs);
}
