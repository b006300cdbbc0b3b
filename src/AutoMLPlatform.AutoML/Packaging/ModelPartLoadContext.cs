using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>What a <see cref="IModelPartLoader"/> gets besides the part's bytes.</summary>
/// <param name="MLContext">The context the package is read with; stages are built in it.</param>
/// <param name="Manifest">The package's manifest (task, inputs, classes).</param>
public sealed record ModelPartLoadContext(MLContext MLContext, ModelManifest Manifest);
