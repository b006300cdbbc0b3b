using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// The image classifier: conv3x3(32)-BN-ReLU-maxpool, conv3x3(64)-BN-ReLU-maxpool, dropout, a 128-unit hidden
/// layer and the class layer. Chosen by measurement on 2 cores (docs/torch.md): at a two-minute budget more epochs
/// of this small network beat fewer epochs of a residual one.
/// </summary>
internal sealed class ConvNet : nn.Module<Tensor, Tensor>
{
    public const int Hidden = 128;
    public const double DropoutRate = 0.3;

    private readonly Sequential features;
    private readonly Sequential classifier;

    public ConvNet(ImageShape shape, int classCount)
        : base(nameof(ConvNet))
    {
        features = nn.Sequential(
            nn.Conv2d(shape.Channels, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2));
        classifier = nn.Sequential(
            nn.Flatten(), nn.Dropout(DropoutRate), nn.Linear(64L * (shape.Height / 4) * (shape.Width / 4), Hidden), nn.ReLU(),
            nn.Linear(Hidden, classCount));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var hidden = features.call(input);
        return classifier.call(hidden);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose();
            classifier.Dispose();
        }

        base.Dispose(disposing);
    }
}
