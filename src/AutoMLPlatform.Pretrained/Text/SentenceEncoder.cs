using AutoMLPlatform.Pretrained.Assets;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace AutoMLPlatform.Pretrained.Text;

/// <summary>
/// A loaded sentence encoder: text in, a unit-length vector out (mean of the network's token states, as
/// sentence-transformers pools). Each text runs through the network alone, without padding, so its vector does not
/// depend on what else is encoded with it: training and serving see identical features, and a text encodes to the
/// same bits every time. (Batching 16 texts was measured only 9 % cheaper per text on this network.) Thread-safe:
/// ONNX Runtime sessions may run concurrently; each run uses one thread, so concurrent callers use the cores.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames = ["last_hidden_state"];
    private readonly RunOptions _runOptions = new();

    internal SentenceEncoder(SentenceEncoderSpec spec, byte[] model, byte[] vocabulary)
    {
        Spec = spec;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, options);
        using var vocabularyStream = new MemoryStream(vocabulary, writable: false);
        _tokenizer = BertTokenizer.Create(vocabularyStream, new BertOptions { LowerCaseBeforeTokenization = spec.LowerCase, RemoveNonSpacingMarks = spec.LowerCase });
        _inputNames = _session.InputMetadata.Keys.ToArray();
        var unknown = _inputNames.Except(["input_ids", "attention_mask", "token_type_ids"]).ToArray();
        if (!_inputNames.Contains("input_ids") || unknown.Length > 0 || !_session.OutputMetadata.ContainsKey(_outputNames[0]))
        {
            _session.Dispose();
            _runOptions.Dispose();
            throw new PretrainedAssetException(PretrainedErrorCodes.AssetMismatch,
                $"The network '{spec.Name}' has inputs [{string.Join(", ", _inputNames)}] and outputs [{string.Join(", ", _session.OutputMetadata.Keys)}]; a sentence encoder needs input_ids (attention_mask, token_type_ids) and last_hidden_state.");
        }
    }

    public SentenceEncoderSpec Spec { get; }

    public string Name => Spec.Name;

    public int Dimension => Spec.Dimension;

    /// <summary>The WordPiece ids the network reads for a text: [CLS], at most <see cref="SentenceEncoderSpec.MaxTokens"/> − 2 pieces, [SEP].</summary>
    public IReadOnlyList<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.EncodeToIds(text, Spec.MaxTokens, out _, out _);
    }

    /// <summary>The vector of one text (an empty text has one too: that of [CLS] [SEP]).</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimension];
        Embed(text, vector);
        return vector;
    }

    /// <summary>Writes the vector of <paramref name="text"/> into <paramref name="destination"/> (length <see cref="Dimension"/>).</summary>
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values, not {Dimension}.", nameof(destination));
        }

        var ids = Tokenize(text);
        var count = ids.Count;
        var tokens = new long[count];
        var mask = new long[count];
        for (var i = 0; i < count; i++)
        {
            tokens[i] = ids[i];
            mask[i] = 1;
        }

        long[] shape = [1, count];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(tokens, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[count], shape);
        var inputs = _inputNames.Select(name => name switch
        {
            "input_ids" => inputIds,
            "attention_mask" => attention,
            _ => types,
        }).ToArray();
        using var outputs = _session.Run(_runOptions, _inputNames, inputs, _outputNames);
        MeanPooling.PoolAndNormalize(outputs[0].GetTensorDataAsSpan<float>(), count, destination);
    }

    /// <summary>
    /// The vectors of many texts, in their order; each distinct text is encoded once, on every core (one text per
    /// core at a time). Cancellation is checked between texts.
    /// </summary>
    public async Task<float[][]> EmbedAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var distinct = texts.Distinct(StringComparer.Ordinal).ToArray();
        var vectors = new float[distinct.Length][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, distinct.Length, options, (i, _) =>
        {
            vectors[i] = Embed(distinct[i]);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        var byText = new Dictionary<string, float[]>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            byText[distinct[i]] = vectors[i];
        }

        return texts.Select(t => byText[t]).ToArray();
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
