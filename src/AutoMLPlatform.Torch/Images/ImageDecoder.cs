using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Datasets.Images;
using SkiaSharp;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Decodes an encoded image with SkiaSharp into planar RGB bytes of a fixed size: centre-cropped to the target's
/// aspect ratio, resized with linear filtering (mipmapped when shrinking), transparent parts laid on white.
/// The header is read first: a format we do not accept, or a size over the budget's limit, is refused before any
/// pixel is decoded, and the decode then holds its pixels in the shared <see cref="ImageDecodeBudget"/>. A picture
/// that fails to decode (truncated, corrupt) is an input error, never a blank canvas.
/// </summary>
internal static class ImageDecoder
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Three planes (R, G, B) of <paramref name="height"/> x <paramref name="width"/> bytes each.</summary>
    /// <exception cref="InvalidInputException">The bytes are not an image SkiaSharp can decode, in a format we accept.</exception>
    /// <exception cref="ImageTooLargeException">The header declares more pixels than the budget's limit.</exception>
    public static byte[] DecodeRgb(byte[] encoded, int height, int width, ImageDecodeBudget budget)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null || !ImageFormats.IsAccepted(codec.EncodedFormat) || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            throw new InvalidInputException(ImageDecodingErrorCodes.NotAnImage, $"The value is not an image ({ImageFormats.Accepted} are accepted).");
        }

        var size = codec.Info;
        using var lease = budget.Acquire((long)size.Width * size.Height);
        using var decoded = new SKBitmap();
        var target = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        if (!decoded.TryAllocPixels(target))
        {
            throw new LimitExceededException(ImageDecodingErrorCodes.ImageDecodingBusy, "The server has no memory for this image's pixels now; retry shortly.", TimeSpan.FromSeconds(1));
        }

        var result = codec.GetPixels(target, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidInputException("image-undecodable",
                $"The image's header reads {size.Width}x{size.Height} {codec.EncodedFormat}, but its pixels cannot be decoded ({result}).");
        }

        decoded.SetImmutable();
        using var image = SKImage.FromBitmap(decoded);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, CenterCrop(image.Width, image.Height, width / (float)height), new SKRect(0, 0, width, height), Sampling);
        }

        var rgba = bitmap.GetPixelSpan();
        var planes = width * height;
        var rgb = new byte[3 * planes];
        for (var i = 0; i < planes; i++)
        {
            rgb[i] = rgba[4 * i];
            rgb[planes + i] = rgba[(4 * i) + 1];
            rgb[(2 * planes) + i] = rgba[(4 * i) + 2];
        }

        return rgb;
    }

    private static SKRect CenterCrop(int width, int height, float aspect)
    {
        if (width / (float)height > aspect)
        {
            var cropped = height * aspect;
            return SKRect.Create((width - cropped) / 2, 0, cropped, height);
        }

        var croppedHeight = width / aspect;
        return SKRect.Create(0, (height - croppedHeight) / 2, width, croppedHeight);
    }
}
