using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// A trained text classifier as an ML.NET transformer: reads one text column, writes ML.NET's standard
/// classification columns (see <see cref="ClassifierMapping"/>).
/// </summary>
public sealed class TextClassificationTransformer : TorchClassifierTransformer
{
    public const string PartKind = "torch-text-classifier";

    private readonly TextModel _model;

    internal TextClassificationTransformer(MLContext mlContext, TextModel model, string textColumn, TrainingSummary? training)
        : base(ClassifierMapping.Create(mlContext, textColumn, model.Classes, model.Predict), model.Classes, training)
    {
        _model = model;
        TextColumn = textColumn;
    }

    /// <summary>The column read.</summary>
    public string TextColumn { get; }

    public override string Kind => PartKind;

    /// <summary>Class probabilities for one text.</summary>
    public IReadOnlyList<float> PredictProbabilities(string text) => _model.Predict(text);

    public override void Write(Stream destination)
    {
        var config = new TextModelConfig(TorchPartArchive.FormatVersion, TextColumn, _model.Classes, _model.Vocabulary.Settings,
            _model.Vocabulary.Count, _model.Vocabulary.WordFeatures, _model.Network.Dimension);
        TorchPartArchive.Write(destination, config, _model.Network);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _model.Dispose();
        }
    }
}

/// <summary>What <c>model.json</c> of a text part holds; the vocabulary itself is in the weights' buffers.</summary>
internal sealed record TextModelConfig(int Format, string TextColumn, IReadOnlyList<string> Classes, TextFeatureSettings Features,
    int VocabularySize, int WordFeatures, int EmbeddingDimension);
