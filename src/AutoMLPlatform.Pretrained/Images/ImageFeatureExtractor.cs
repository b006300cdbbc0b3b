using AutoMLPlatform.Pretrained.Assets;
using Microsoft.ML.OnnxRuntime;

namespace AutoMLPlatform.Pretrained.Images;

/// <summary>
/// ResNet18 (ImageNet, ML.NET's ONNX export of it) as an image feature extractor: a decoded image in, the 512 values
/// of its global average pooling out. Both ONNX graphs take one image of 3 x 224 x 224 (fixed shapes, read from
/// the graphs' metadata when loading): the image is resized bilinearly to 224 x 224, a grey image repeated into R, G
/// and B, pixels kept at 0–255, then ML.NET's own preprocessing graph subtracts the network's mean image (what
/// ML.NET's <c>DnnFeaturizeImage</c> feeds it after <c>ExtractPixels</c>), and the network runs. Each image runs
/// alone on one thread, so its features never depend on other images and come out the same bits every time.
/// Thread-safe: concurrent callers use the cores.
/// </summary>
public sealed class ImageFeatureExtractor : IDisposable
{
    /// <summary>Length of the feature vector.</summary>
    public const int Dimension = 512;

    /// <summary>The side, in pixels, the network reads.</summary>
    public const int InputSide = 224;

    private const int InputChannels = 3;
    private static readonly long[] InputShape = [1, InputChannels, InputSide, InputSide];

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly string _preprocessInput;
    private readonly string _preprocessOutput;
    private readonly string _networkInput;
    private readonly string _networkOutput;

    internal ImageFeatureExtractor(PretrainedAsset asset, byte[] preprocess, byte[] network)
    {
        Asset = asset;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _preprocess = new InferenceSession(preprocess, options);
        _network = new InferenceSession(network, options);
        try
        {
            (_preprocessInput, _preprocessOutput) = Check(_preprocess, InputShape, InputShape, asset);
            (_networkInput, _networkOutput) = Check(_network, InputShape, [1, Dimension, 1, 1], asset);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The network's asset: its name and SHA-256 are what a model package records.</summary>
    public PretrainedAsset Asset { get; }

    /// <summary>
    /// Writes the features of one image into <paramref name="destination"/> (length <see cref="Dimension"/>). The image is
    /// planar bytes: <paramref name="channels"/> (1 grey or 3 RGB) planes of <paramref name="height"/> x <paramref name="width"/>.
    /// </summary>
    public void Extract(ReadOnlySpan<byte> pixels, int channels, int height, int width, Span<float> destination)
    {
        if (channels is not (1 or 3) || height <= 0 || width <= 0 || pixels.Length != channels * height * width)
        {
            throw new ArgumentException($"{pixels.Length} bytes are not {channels} planes of {height}x{width} (1 or 3 channels).", nameof(pixels));
        }

        if (destination.Length != Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values, not {Dimension}.", nameof(destination));
        }

        var input = new float[InputChannels * InputSide * InputSide];
        BilinearResize.ToPlanes(pixels, channels, height, width, InputSide, InputChannels, input);
        using var runOptions = new RunOptions();
        using var image = OrtValue.CreateTensorValueFromMemory(input, InputShape);
        using var prepared = _preprocess.Run(runOptions, [_preprocessInput], [image], [_preprocessOutput]);
        using var pooled = _network.Run(runOptions, [_networkInput], [prepared[0]], [_networkOutput]);
        pooled[0].GetTensorDataAsSpan<float>().CopyTo(destination);
    }

    /// <summary>
    /// The features of <paramref name="count"/> images stored one after another in <paramref name="pixels"/> (each as in
    /// <see cref="Extract"/>), row-major, computed on every core; cancellation is checked between images.
    /// </summary>
    public float[] ExtractAll(ReadOnlyMemory<byte> pixels, int count, int channels, int height, int width, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var size = channels * height * width;
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, (long)count * size, nameof(pixels));
        var features = new float[(long)count * Dimension];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, count, options, i =>
            Extract(pixels.Span.Slice(i * size, size), channels, height, width, features.AsSpan(i * Dimension, Dimension)));
        return features;
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }

    private static (string Input, string Output) Check(InferenceSession session, long[] inputShape, long[] outputShape, PretrainedAsset asset)
    {
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;
        if (inputs.Count != 1 || outputs.Count != 1
            || !inputs.Values.Single().Dimensions.Select(d => (long)d).SequenceEqual(inputShape)
            || !outputs.Values.Single().Dimensions.Select(d => (long)d).SequenceEqual(outputShape))
        {
            throw new PretrainedAssetException(PretrainedErrorCodes.AssetMismatch,
                $"A graph of '{asset.Name}' takes [{Describe(inputs)}] and gives [{Describe(outputs)}]; the image featurizer needs [{string.Join("x", inputShape)}] in and [{string.Join("x", outputShape)}] out.");
        }

        return (inputs.Keys.Single(), outputs.Keys.Single());
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Key} {string.Join("x", n.Value.Dimensions)}"));
}
