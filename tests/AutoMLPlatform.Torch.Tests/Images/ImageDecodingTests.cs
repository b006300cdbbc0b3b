using AutoMLPlatform.Core.Common;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.Images;

namespace AutoMLPlatform.Torch.Tests.Images;

/// <summary>What an image model does with pictures that are not what they claim, measured on this process's resident memory.</summary>
[Category("Slow")]
[NonParallelizable]
public class ImageDecodingTests
{
    /// <summary>The most a refused image may add to this process's peak resident memory (decoding it would take gigabytes).</summary>
    private const long RefusalBound = 64L << 20;

    [Test]
    public void A_png_that_declares_thirty_thousand_squared_pixels_is_refused_before_any_pixel_is_decoded()
    {
        var model = TorchModels.Blobs;
        var bomb = Convert.ToBase64String(HostileInputs.BlackPng(30_000, 30_000));
        var memory = new ProcessMemory(Environment.ProcessId);
        memory.ResetPeak();
        var before = memory.Resident;

        var error = Assert.Throws<ImageTooLargeException>(() => model.PredictProbabilities(bomb));
        var growth = memory.Peak - before;

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("image-too-large"));
            Assert.That(error.Pixels, Is.EqualTo(900_000_000L));
            Assert.That(growth, Is.LessThan(RefusalBound), $"peak resident memory grew {growth >> 20} MB");
        });
    }

    [Test]
    public void An_image_whose_pixels_do_not_decode_is_an_input_error_not_a_blank_canvas()
    {
        var truncated = Convert.ToBase64String(HostileInputs.TruncatedPng(64, 64));

        var error = Assert.Throws<InvalidInputException>(() => TorchModels.Blobs.PredictProbabilities(truncated));

        Assert.That(error!.ErrorCode, Is.EqualTo("image-undecodable"));
    }

    [Test]
    public void A_large_image_within_the_limit_still_predicts()
    {
        var large = Convert.ToBase64String(HostileInputs.BlackPng(2_000, 1_500));

        var probabilities = TorchModels.Blobs.PredictProbabilities(large);

        Assert.That(probabilities.Sum(), Is.EqualTo(1).Within(1e-4));
    }
}
