using AutoMLPlatform.Pretrained.Assets;
using AutoMLPlatform.Pretrained.Images;

namespace AutoMLPlatform.Pretrained.Tests.Images;

[Category("Slow")]
public sealed class ImageFeatureExtractorTests
{
    private PretrainedNetworks _networks = null!;

    [OneTimeSetUp]
    public void LoadOnce() => _networks = new PretrainedNetworks();

    [OneTimeTearDown]
    public void Unload() => _networks.Dispose();

    [Test]
    public void An_image_gives_512_features_and_the_same_bits_alone_or_among_others()
    {
        var extractor = _networks.ResNet18();
        var images = Enumerable.Range(0, 3).Select(i => Noise(3, 28, 20, seed: i)).ToArray();
        var alone = new float[ImageFeatureExtractor.Dimension];

        extractor.Extract(images[1], 3, 28, 20, alone);
        var together = extractor.ExtractAll(images.SelectMany(i => i).ToArray(), 3, 3, 28, 20, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(together, Has.Length.EqualTo(3 * 512));
            Assert.That(together.AsSpan(512, 512).ToArray(), Is.EqualTo(alone), "bit for bit");
            Assert.That(alone.Any(v => v != 0) && alone.All(float.IsFinite), Is.True);
            Assert.That(together.AsSpan(0, 512).ToArray(), Is.Not.EqualTo(alone), "another image, other features");
        });
    }

    [Test]
    public void A_grey_image_gives_the_features_of_the_same_picture_in_three_equal_channels()
    {
        var extractor = _networks.ResNet18();
        var grey = Noise(1, 8, 8, seed: 5);
        var (fromGrey, fromColour) = (new float[512], new float[512]);

        extractor.Extract(grey, 1, 8, 8, fromGrey);
        extractor.Extract([.. grey, .. grey, .. grey], 3, 8, 8, fromColour);

        Assert.That(fromGrey, Is.EqualTo(fromColour));
    }

    [Test]
    public void Pixels_that_do_not_match_the_stated_shape_are_refused()
    {
        var extractor = _networks.ResNet18();

        Assert.Throws<ArgumentException>(() => extractor.Extract(new byte[10], 1, 3, 3, new float[512]));
    }

    [Test]
    public void The_network_is_loaded_once_and_shared()
    {
        using var networks = new PretrainedNetworks();

        var first = networks.ResNet18();

        Assert.Multiple(() =>
        {
            Assert.That(networks.ResNet18(), Is.SameAs(first));
            Assert.That(networks.IsResNet18Loaded, Is.True);
            Assert.That(first.Asset.Sha256, Is.EqualTo(PretrainedAssets.ResNet18.Sha256));
        });
    }

    private static byte[] Noise(int channels, int height, int width, int seed)
    {
        var bytes = new byte[channels * height * width];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
