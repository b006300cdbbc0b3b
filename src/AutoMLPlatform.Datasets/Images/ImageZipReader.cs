using System.IO.Compression;
using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Datasets.Images;

/// <summary>
/// Reads an image dataset uploaded as a zip of one folder per class (<c>cat/1.png</c>, <c>dog/7.jpg</c>; one shared
/// top folder around them is allowed). Every rule is checked before anything is used: entry count and directory size
/// (before the directory is read, see <see cref="ZipDirectoryProbe"/>; give a seekable stream, or ZipArchive copies it
/// into memory whole), safe entry names, inflated size per entry and in total (counted while inflating, never trusted from headers), that every
/// file is an image of a bounded size, and that there are at least two classes. A broken rule is an
/// <see cref="InvalidInputException"/> (or <see cref="PayloadTooLargeException"/>) naming the entry, for field
/// <c>file</c>. Images are visited in ordinal path order, so training is repeatable.
/// </summary>
public static class ImageZipReader
{
    private const string Field = "file";

    /// <summary>Checks the zip and calls <paramref name="visit"/> (if given) for each image, in order.</summary>
    public static ImageZipSummary Read(Stream zipStream, ImageZipLimits limits, Action<ImageZipEntry>? visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zipStream);
        ArgumentNullException.ThrowIfNull(limits);

        // Counted before ZipArchive reads (and keeps) the whole central directory: a million empty entries cost nothing here.
        ZipDirectoryProbe.Check(zipStream, limits, Field);
        using var zip = Open(zipStream);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw new InvalidInputException(ImageZipErrorCodes.ZipTooManyEntries, $"The zip has {zip.Entries.Count} entries; at most {limits.MaxEntries} are accepted.", Field);
        }

        var files = Files(zip);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (minW, maxW, minH, maxH) = (int.MaxValue, 0, int.MaxValue, 0);
        long total = 0;
        foreach (var (segments, entry) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = string.Join('/', segments);
            var bytes = ReadCapped(entry, path, limits.MaxEntryBytes);
            total += bytes.Length;
            if (total > limits.MaxTotalBytes)
            {
                throw new PayloadTooLargeException(limits.MaxTotalBytes);
            }

            var (width, height) = CheckImage(bytes, path, limits.MaxPixels);
            counts[segments[0]] = counts.GetValueOrDefault(segments[0]) + 1;
            (minW, maxW, minH, maxH) = (Math.Min(minW, width), Math.Max(maxW, width), Math.Min(minH, height), Math.Max(maxH, height));
            visit?.Invoke(new ImageZipEntry(segments[0], path, bytes, width, height));
        }

        if (counts.Count < 2)
        {
            throw new InvalidInputException("zip-single-class",
                $"The zip holds one class folder ('{counts.Keys.Single()}'); a classifier needs at least two, one folder per class.", Field);
        }

        return new ImageZipSummary(counts.Select(kv => new ImageClassCount(kv.Key, kv.Value)).ToArray(), files.Count,
            new ImageSizeRange(minW, maxW, minH, maxH));
    }

    private static ZipArchive Open(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidInputException("zip-unreadable", $"The file is not a readable zip: {ex.Message}", Field, ex);
        }
    }

    /// <summary>The image files by class-relative path, system files skipped, after every name was checked.</summary>
    private static List<(string[] Segments, ZipArchiveEntry Entry)> Files(ZipArchive zip)
    {
        var files = new List<(string[] Segments, ZipArchiveEntry Entry)>();
        foreach (var entry in zip.Entries)
        {
            var segments = ImageEntryNames.SafeSegments(entry.FullName)
                ?? throw new InvalidInputException("zip-unsafe-path", $"The zip entry '{entry.FullName}' has an unsafe path (absolute, or reaching outside with '..').", Field);
            var isFolder = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');
            if (!isFolder && !ImageEntryNames.IsSystemFile(segments))
            {
                files.Add((segments, entry));
            }
        }

        if (files.Count == 0)
        {
            throw new InvalidInputException("zip-empty", "The zip holds no images; put each class's images in a folder named after the class.", Field);
        }

        // One folder around the class folders (zipping the dataset's own folder) is dropped.
        if (files.All(f => f.Segments.Length >= 3) && files.Select(f => f.Segments[0]).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            files = files.Select(f => (f.Segments[1..], f.Entry)).ToList();
        }

        if (files.FirstOrDefault(f => f.Segments.Length < 2) is { Entry: not null } loose)
        {
            throw new InvalidInputException("zip-no-class-folder",
                $"'{loose.Entry.FullName}' is not inside a class folder; put each class's images in a folder named after the class.", Field);
        }

        files.Sort((a, b) => string.CompareOrdinal(string.Join('/', a.Segments), string.Join('/', b.Segments)));
        return files;
    }

    /// <summary>Inflates an entry, stopping as soon as it passes the limit, whatever its header claims.</summary>
    private static byte[] ReadCapped(ZipArchiveEntry entry, string path, long maxBytes)
    {
        if (entry.Length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        using var source = OpenEntry(entry, path);
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, maxBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = ReadEntry(source, chunk, path)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw TooLarge(path, maxBytes);
            }
        }

        return buffer.ToArray();
    }

    private static Stream OpenEntry(ZipArchiveEntry entry, string path)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidInputException("zip-unreadable", $"The zip entry '{path}' cannot be read: {ex.Message}", Field, ex);
        }
    }

    private static int ReadEntry(Stream source, byte[] chunk, string path)
    {
        try
        {
            return source.Read(chunk, 0, chunk.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidInputException("zip-unreadable", $"The zip entry '{path}' is corrupt: {ex.Message}", Field, ex);
        }
    }

    private static (int Width, int Height) CheckImage(byte[] bytes, string path, long maxPixels)
    {
        var size = ImageFormats.LooksLikeImage(bytes) ? ImageFormats.ReadSize(bytes) : null;
        if (size is not { } s || s.Width <= 0 || s.Height <= 0)
        {
            throw new InvalidInputException("zip-not-an-image", $"'{path}' is not an image ({ImageFormats.Accepted} are accepted).", Field);
        }

        return (long)s.Width * s.Height <= maxPixels
            ? s
            : throw new InvalidInputException("zip-image-too-large", $"'{path}' is {s.Width}x{s.Height} pixels; at most {maxPixels} pixels are accepted.", Field);
    }

    private static InvalidInputException TooLarge(string path, long maxBytes) =>
        new("zip-entry-too-large", $"'{path}' inflates to more than {maxBytes} bytes, the limit for one image.", Field);
}
