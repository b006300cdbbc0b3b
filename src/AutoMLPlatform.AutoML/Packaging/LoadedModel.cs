using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>A model package read back: its manifest and the rebuilt pipeline, ready for a <c>PredictionEngine</c>.</summary>
public sealed record LoadedModel(ModelManifest Manifest, ITransformer Transformer);
