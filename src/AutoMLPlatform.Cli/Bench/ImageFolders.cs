using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// An image folder tree for <c>automl bench</c>: one subfolder per class, its images directly inside (hidden files and
/// folders skipped), read into memory as encoded bytes; decoding them is the image trainer's.
/// </summary>
internal static class ImageFolders
{
    public static async Task<(List<byte[]> Images, List<string> Labels)> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        var (images, labels) = (new List<byte[]>(), new List<string>());
        foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var className = Path.GetFileName(folder);
            if (className.StartsWith('.'))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                images.Add(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
                labels.Add(className);
            }
        }

        return images.Count > 0 && labels.Distinct(StringComparer.Ordinal).Skip(1).Any()
            ? (images, labels)
            : throw new InvalidInputException("no-class-folders", $"{directory} needs one subfolder of images per class, and at least two classes.", "train");
    }
}
