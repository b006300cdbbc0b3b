using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>
/// The table of contents of a model package (<c>manifest.json</c>): what the model predicts, which columns it reads,
/// its class names, and the parts that rebuild its pipeline in order.
/// </summary>
public sealed record ModelManifest(
    int FormatVersion,
    TaskKind Task,
    string Label,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ModelInputColumn> Inputs,
    string Trainer,
    IReadOnlyList<ModelPart> Parts)
{
    /// <summary>The package format this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;
}
