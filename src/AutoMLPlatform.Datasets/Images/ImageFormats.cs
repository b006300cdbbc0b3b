using SkiaSharp;

namespace AutoMLPlatform.Datasets.Images;

/// <summary>Recognises the image formats we accept by their first bytes, then reads their size without decoding pixels.</summary>
public static class ImageFormats
{
    public const string Accepted = "PNG, JPEG, GIF, BMP or WebP";

    public static bool LooksLikeImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ||
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ||
        bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ||
        bytes.StartsWith("BM"u8) ||
        (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8));

    /// <summary>The formats SkiaSharp names that we decode; its others (RAW, HEIF, ICO, ...) are refused, whatever it could do.</summary>
    public static bool IsAccepted(SKEncodedImageFormat format) =>
        format is SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Bmp or SKEncodedImageFormat.Webp;

    /// <summary>Width and height from the image's header, or null when SkiaSharp cannot read it.</summary>
    public static (int Width, int Height)? ReadSize(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }
}
