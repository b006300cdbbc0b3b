using System.IO.Compression;
using SkiaSharp;

namespace AutoMLPlatform.TestSupport;

/// <summary>Images and image zips made in code with a fixed seed, good and hostile.</summary>
public static class TestImages
{
    /// <summary>The classes of <see cref="BlobsZip"/>: where a bright blob sits. Left and right are mirror images of each other.</summary>
    public static readonly string[] BlobClasses = ["bottom", "left", "right"];

    /// <summary>A PNG whose pixel (x, y) has the grey level <paramref name="grey"/> gives (or a colour, when <paramref name="colour"/> is given).</summary>
    public static byte[] Png(int width, int height, Func<int, int, byte> grey, Func<int, int, SKColor>? colour = null)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var g = grey(x, y);
                bitmap.SetPixel(x, y, colour?.Invoke(x, y) ?? new SKColor(g, g, g));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A 12x12 grey image with a bright 4x4 blob near the bottom, the left or the right edge (moved by up to one pixel),
    /// over noise: easy for a network, impossible by chance (a third).
    /// </summary>
    public static byte[] Blob(string className, Random random)
    {
        var (cx, cy) = className switch
        {
            "left" => (2, 4),
            "right" => (6, 4),
            "bottom" => (4, 7),
            _ => throw new ArgumentOutOfRangeException(nameof(className)),
        };
        cx += random.Next(-1, 2);
        cy += random.Next(-1, 2);
        var noise = Enumerable.Range(0, 144).Select(_ => (byte)random.Next(0, 60)).ToArray();
        return Png(12, 12, (x, y) => x >= cx && x < cx + 4 && y >= cy && y < cy + 4 ? (byte)220 : noise[(y * 12) + x]);
    }

    /// <summary>A zip of <see cref="BlobClasses"/> folders with <paramref name="perClass"/> blob images each.</summary>
    public static byte[] BlobsZip(int perClass, int seed = 3, string prefix = "")
    {
        var random = new Random(seed);
        return Zip(BlobClasses.SelectMany(c => Enumerable.Range(0, perClass).Select(i => ($"{prefix}{c}/{i:D3}.png", Blob(c, random)))));
    }

    /// <summary>A zip holding exactly these entries (a name ending in '/' is a folder).</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
