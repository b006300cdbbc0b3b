using System.Text.Json;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Pretrained.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Pretrained;

/// <summary>
/// Sentence embeddings as a pipeline stage: reads one text column and writes its vector from a pretrained sentence
/// encoder into another column. The encoder is the process's shared one (<see cref="AutoMLPlatform.Pretrained.PretrainedNetworks"/>), so
/// the stage holds no weights: the model package saves it as a small part that names the encoder and the SHA-256 of
/// its network (<see cref="PartKind"/>), and a host rebuilds it over its own loaded encoder, refusing a different one.
/// ML.NET's own <c>Save</c> is refused with a pointer to <see cref="ModelPackage"/>.
/// </summary>
internal sealed class SentenceEmbeddingTransformer : ITransformer, IModelPart
{
    public const string PartKind = "pretrained-text-embedding";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ITransformer _mapping;
    private readonly EmbeddingCache _cache;

    public SentenceEmbeddingTransformer(MLContext mlContext, SentenceEncoder encoder, string inputColumn, string outputColumn, EmbeddingCache cache)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(encoder);
        Encoder = encoder;
        InputColumn = inputColumn;
        OutputColumn = outputColumn;
        _cache = cache;
        var inputDefinition = SchemaDefinition.Create(typeof(TextRow));
        inputDefinition[nameof(TextRow.Text)].ColumnName = inputColumn;
        var outputDefinition = SchemaDefinition.Create(typeof(VectorRow));
        var vectorColumn = outputDefinition[nameof(VectorRow.Vector)];
        vectorColumn.ColumnName = outputColumn;
        vectorColumn.ColumnType = new VectorDataViewType(NumberDataViewType.Single, encoder.Dimension);
        var empty = mlContext.Data.LoadFromEnumerable(Array.Empty<TextRow>(), inputDefinition);
        _mapping = mlContext.Transforms.CustomMapping<TextRow, VectorRow>((row, vector) => vector.Vector = Embed(row.Text ?? string.Empty),
            contractName: null, inputDefinition, outputDefinition).Fit(empty);
    }

    public SentenceEncoder Encoder { get; }

    public string InputColumn { get; }

    public string OutputColumn { get; }

    public string Kind => PartKind;

    public bool IsRowToRowMapper => _mapping.IsRowToRowMapper;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _mapping.GetOutputSchema(inputSchema);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _mapping.GetRowToRowMapper(inputSchema);

    public IDataView Transform(IDataView input) => _mapping.Transform(input);

    public void Write(Stream destination) => JsonSerializer.Serialize(destination,
        new SentenceEmbeddingPart(SentenceEmbeddingPart.CurrentFormat, Encoder.Name, Encoder.Spec.Model.Sha256, Encoder.Spec.MaxTokens, InputColumn, OutputColumn), Json);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new InvalidOperationException("A sentence embedding stage is saved by ModelPackage.Write, as a part that names its encoder.");

    /// <summary>The vector of a text: from the cache when this model has seen the text, else from the encoder.</summary>
    private float[] Embed(string text)
    {
        if (_cache.TryGet(text, out var cached))
        {
            return cached;
        }

        var vector = Encoder.Embed(text);
        _cache.Add(text, vector);
        return vector;
    }

    internal static SentenceEmbeddingPart ReadPart(Stream content) =>
        JsonSerializer.Deserialize<SentenceEmbeddingPart>(content, Json) ?? throw new InvalidModelPackageException("The sentence embedding part is empty.");

    internal sealed class TextRow
    {
        public string? Text { get; set; }
    }

    internal sealed class VectorRow
    {
        public float[] Vector { get; set; } = [];
    }
}
