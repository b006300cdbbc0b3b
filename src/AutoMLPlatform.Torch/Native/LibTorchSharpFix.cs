namespace AutoMLPlatform.Torch.Native;

/// <summary>
/// Makes the application's copy of <c>libLibTorchSharp.so</c> loadable with an older libstdc++. TorchSharp 0.107's
/// glue library is built with GCC 13 and lists <c>std::ios_base_library_init()</c> at <c>GLIBCXX_3.4.32</c>,
/// which Debian 12 (GLIBCXX_3.4.30) lacks, although no relocation ever binds that symbol. For each needed
/// libstdc++ version the machine lacks, <see cref="WeakVersionPatch"/> turns the need into a weak one.
/// The file is rewritten atomically (a temporary file beside it, then a rename), so a process that already mapped
/// the old file, or a second process patching at the same time, never sees half a library. The NuGet cache is
/// never touched: only the copy the build put next to the application.
/// </summary>
internal static class LibTorchSharpFix
{
    public const string FileName = "libLibTorchSharp.so";

    /// <summary>The version TorchSharp 0.107 asks for that Debian 12 lacks; assumed missing when libstdc++ cannot be read.</summary>
    public const string KnownMissingVersion = "GLIBCXX_3.4.32";

    /// <summary>Where the build puts the library: beside the app (a RID-specific publish) or under <c>runtimes/linux-x64/native</c>.</summary>
    public static string? FindInApplication(string baseDirectory)
    {
        string[] candidates =
        [
            Path.Combine(baseDirectory, "runtimes", "linux-x64", "native", FileName),
            Path.Combine(baseDirectory, FileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The libstdc++ versions <paramref name="libraryPath"/> needs that <paramref name="available"/> lacks.</summary>
    public static IReadOnlyList<string> MissingVersions(string libraryPath, IReadOnlySet<string> available)
    {
        var image = ElfImage.Parse(File.ReadAllBytes(libraryPath));
        return ElfVersions.ReadNeeds(image)
            .Where(n => n.File.StartsWith("libstdc++.so", StringComparison.Ordinal) && !available.Contains(n.Name))
            .Select(n => n.Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Makes <paramref name="missing"/> optional in the library at <paramref name="libraryPath"/>.</summary>
    /// <returns>True when the file was rewritten; false when it was already patched.</returns>
    public static bool Patch(string libraryPath, IReadOnlyCollection<string> missing)
    {
        var image = ElfImage.Parse(File.ReadAllBytes(libraryPath));
        if (!WeakVersionPatch.Apply(image, missing))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(libraryPath))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(libraryPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(image.Bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(libraryPath));
            }

            // rename(2) replaces the directory entry in one step; mappings of the old file stay valid.
            File.Move(temp, libraryPath, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
