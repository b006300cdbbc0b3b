using AutoMLPlatform.Pretrained.Images;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Images;

/// <summary>The head trained over ResNet18's features: one linear layer (multinomial logistic regression).</summary>
internal static class ResNetHead
{
    public static nn.Module<Tensor, Tensor> Create(int classCount) => nn.Linear(ImageFeatureExtractor.Dimension, classCount);
}
