using AutoMLPlatform.Core.Security;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Hashing;

/// <summary>
/// A model whose ML.NET part reads some columns only as keyed hashes: in front of <see cref="Inner"/>, one closure
/// mapping per column replaces each value by its hash under the tenant's key, so the model takes raw rows like any
/// other and the raw value never reaches a featurizer. The mappings hold the key and so are never saved: the model
/// package keeps <see cref="Inner"/> and flags the columns in its manifest, and whoever reads the package supplies
/// the tenant's hasher to rebuild this (<see cref="Packaging.ModelPackage"/>).
/// </summary>
internal sealed class KeyedHashModel : ITransformer, IDisposable
{
    private readonly ITransformer _chain;

    public KeyedHashModel(MLContext mlContext, ITransformer inner, IReadOnlyList<string> columns, IKeyedHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        Inner = inner;
        Columns = columns;
        _chain = new TransformerChain<ITransformer>([.. columns.Select(c => KeyedHashMapping.Create(mlContext, c, hasher)), inner]);
    }

    /// <summary>The model as trained: it reads the hashes.</summary>
    public ITransformer Inner { get; }

    /// <summary>The input columns replaced by their keyed hash before <see cref="Inner"/> sees them.</summary>
    public IReadOnlyList<string> Columns { get; }

    public bool IsRowToRowMapper => _chain.IsRowToRowMapper;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _chain.GetOutputSchema(inputSchema);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _chain.GetRowToRowMapper(inputSchema);

    public IDataView Transform(IDataView input) => _chain.Transform(input);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new InvalidOperationException("A keyed-hash model is saved by ModelPackage.Write, which keeps the inner model and flags the hashed inputs.");

    public void Dispose() => (Inner as IDisposable)?.Dispose();
}
