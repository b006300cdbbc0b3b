using System.IO.Compression;

namespace AutoMLPlatform.TestSupport;

/// <summary>Images of the shared image datasets (<c>digits</c>, <c>fashion-mnist</c>: zips of class folders), a few per class.</summary>
public static class SharedImages
{
    /// <summary>The first <paramref name="perClass"/> images of every class of <c>{split}.zip</c>, in the zip's order.</summary>
    public static IReadOnlyList<(string Class, string Name, byte[] Bytes)> Read(string dataset, string split, int perClass)
    {
        using var zip = ZipFile.OpenRead(RepositoryPaths.SharedDataset(dataset, $"{split}.zip"));
        return zip.Entries
            .Where(e => e.FullName.Count(c => c == '/') == 1 && !e.FullName.EndsWith('/'))
            .GroupBy(e => e.FullName[..e.FullName.IndexOf('/', StringComparison.Ordinal)])
            .SelectMany(g => g.Take(perClass).Select(e => (g.Key, e.FullName, ReadAll(e))))
            .ToArray();
    }

    /// <summary>Those images as a zip of class folders, as a dataset upload.</summary>
    public static byte[] Zip(string dataset, string split, int perClass) =>
        TestImages.Zip(Read(dataset, split, perClass).Select(i => (i.Name, i.Bytes)));

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
