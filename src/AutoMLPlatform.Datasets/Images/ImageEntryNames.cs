namespace AutoMLPlatform.Datasets.Images;

/// <summary>
/// The naming rules of an image zip. Entries are never written to disk, but a name is still refused if extracting
/// it under a folder could land outside that folder (absolute paths, drive letters, <c>..</c>), so an archive built
/// to attack unzip tools is rejected as a whole instead of partly used.
/// </summary>
internal static class ImageEntryNames
{
    /// <summary>The path's segments, or null when the path is unsafe.</summary>
    public static string[]? SafeSegments(string fullName)
    {
        var normalized = fullName.Replace('\\', '/');
        if (normalized.Length == 0 || normalized[0] == '/' || normalized.Any(char.IsControl))
        {
            return null;
        }

        var segments = normalized.TrimEnd('/').Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || s.Contains(':', StringComparison.Ordinal)))
        {
            return null;
        }

        // The classic check as well: the path, resolved under a root, must stay under that root.
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "image-zip-root")) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(Path.Combine(root, normalized)).StartsWith(root, StringComparison.Ordinal) ? segments : null;
    }

    /// <summary>Files zip tools add that are not data: macOS resource forks and hidden files such as <c>.DS_Store</c>.</summary>
    public static bool IsSystemFile(string[] segments) =>
        segments[0] == "__MACOSX" || segments[^1].StartsWith('.') || segments[^1].Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase);
}
