using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.Images;
using SkiaSharp;

namespace AutoMLPlatform.Torch.Tests.Images;

public class ImageDatasetTests
{
    [Test]
    public void Grey_images_of_one_small_size_keep_their_size_and_one_channel()
    {
        var data = FromZip(TestImages.BlobsZip(perClass: 4));

        Assert.Multiple(() =>
        {
            Assert.That(data.Shape, Is.EqualTo(new ImageShape(1, 12, 12)));
            Assert.That(data.Count, Is.EqualTo(12));
            Assert.That(data.Classes, Is.EqualTo(TestImages.BlobClasses));
            Assert.That(data.Labels.Distinct().Order(), Is.EqualTo(new[] { 0, 1, 2 }));
        });
    }

    [Test]
    public void Decoded_pixels_are_the_pixels_of_the_file()
    {
        var png = TestImages.Png(8, 8, (x, y) => (byte)((x * 30) + y));
        var data = FromZip(TestImages.Zip([("a/1.png", png), ("b/1.png", png)]));

        var first = data.Pixels.AsSpan(0, 64).ToArray();

        Assert.That(first, Is.EqualTo(Enumerable.Range(0, 64).Select(i => (byte)(((i % 8) * 30) + (i / 8))).ToArray()));
    }

    [Test]
    public void Colour_images_keep_three_channels()
    {
        var red = TestImages.Png(8, 8, (_, _) => 0, (_, _) => new SKColor(200, 10, 10));
        var data = FromZip(TestImages.Zip([("a/1.png", red), ("b/1.png", red)]));

        Assert.That(data.Shape.Channels, Is.EqualTo(3));
    }

    [Test]
    public void Images_of_different_sizes_are_resized_to_one_square()
    {
        var data = FromZip(TestImages.Zip([("a/1.png", TestImages.Png(40, 30, (_, _) => 9)), ("b/1.png", TestImages.Png(20, 50, (_, _) => 9))]));

        Assert.That(data.Shape, Is.EqualTo(new ImageShape(1, ImageSizing.DefaultResizeSide, ImageSizing.DefaultResizeSide)));
    }

    [Test]
    public void Images_smaller_than_the_network_takes_are_enlarged()
    {
        var data = FromZip(TestImages.Zip([("a/1.png", TestImages.Png(4, 4, (_, _) => 9)), ("b/1.png", TestImages.Png(4, 4, (_, _) => 9))]));

        Assert.That(data.Shape, Is.EqualTo(new ImageShape(1, ImageShape.MinSide, ImageShape.MinSide)));
    }

    [Test]
    public void Mirroring_is_judged_unsafe_when_a_mirror_image_belongs_to_another_class()
    {
        var data = FromZip(TestImages.BlobsZip(perClass: 20));

        var flip = FlipPolicy.ShouldFlip(data, Enumerable.Range(0, data.Count).ToArray(), data.Classes.Count);

        Assert.That(flip, Is.False);
    }

    [Test]
    public void Mirroring_is_judged_safe_when_classes_are_symmetric()
    {
        var random = new Random(5);
        byte[] Stripes(bool horizontal) => TestImages.Png(12, 12, (x, y) => (byte)(((horizontal ? y : x) % 4 is 1 or 2 ? 200 : 20) + random.Next(30)));
        var data = FromZip(TestImages.Zip(Enumerable.Range(0, 20).SelectMany(i => new[] { ($"h/{i}.png", Stripes(true)), ($"v/{i}.png", Stripes(false)) })));

        var flip = FlipPolicy.ShouldFlip(data, Enumerable.Range(0, data.Count).ToArray(), data.Classes.Count);

        Assert.That(flip, Is.True);
    }

    private static ImageDataset FromZip(byte[] zip) =>
        ImageDataset.FromZip(new MemoryStream(zip), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);
}
