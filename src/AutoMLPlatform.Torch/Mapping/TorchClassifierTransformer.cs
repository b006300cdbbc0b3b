using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Mapping;

/// <summary>
/// What the text and image transformers share: they are ML.NET transformers by delegating to a closure
/// <see cref="ClassifierMapping"/> over their network, and model package parts by writing that network.
/// ML.NET's own <c>Save</c> is refused with a pointer to <see cref="ModelPackage"/>, the only way to save them.
/// </summary>
public abstract class TorchClassifierTransformer : ITransformer, IModelPart, IDisposable
{
    private readonly ITransformer _mapping;

    private protected TorchClassifierTransformer(ITransformer mapping, IReadOnlyList<string> classes, TrainingSummary? training)
    {
        _mapping = mapping;
        Classes = classes;
        Training = training;
    }

    /// <summary>Class names: index 1 is the positive class of a binary model; a multiclass Score follows this order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>How training went; null for a model loaded from a package.</summary>
    public TrainingSummary? Training { get; }

    public bool IsRowToRowMapper => _mapping.IsRowToRowMapper;

    public abstract string Kind { get; }

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _mapping.GetOutputSchema(inputSchema);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _mapping.GetRowToRowMapper(inputSchema);

    public IDataView Transform(IDataView input) => _mapping.Transform(input);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"A {GetType().Name} is saved as a part of a model package (ModelPackage.Write), not by ML.NET's Model.Save.");

    public abstract void Write(Stream destination);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
