using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Torch.Images;

/// <summary>An image as the prediction API takes it: base64 of the file's bytes, a <c>data:</c> URL prefix allowed.</summary>
internal static class ImageBase64
{
    /// <exception cref="InvalidInputException">The text is not base64.</exception>
    public static byte[] Decode(string text)
    {
        var comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',', StringComparison.Ordinal) : -1;
        var payload = comma >= 0 ? text[(comma + 1)..] : text;
        var bytes = new byte[(payload.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(payload.Trim(), bytes, out var written)
            ? bytes[..written]
            : throw new InvalidInputException("invalid-image", "An image must be sent as base64-encoded file bytes (PNG, JPEG, GIF, BMP or WebP).");
    }
}
