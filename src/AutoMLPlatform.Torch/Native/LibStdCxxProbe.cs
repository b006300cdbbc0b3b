using System.Runtime.InteropServices;

namespace AutoMLPlatform.Torch.Native;

/// <summary>
/// Finds the C++ runtime this process really uses and the symbol versions it defines. The path comes from
/// <c>/proc/self/maps</c> (the .NET runtime itself links <c>libstdc++.so.6</c>, so it is normally mapped already);
/// if it is not mapped yet, loading it by soname lets the dynamic loader pick it exactly as it will for libtorch.
/// </summary>
internal static class LibStdCxxProbe
{
    public const string Soname = "libstdc++.so.6";

    /// <summary>The mapped libstdc++ and its version definitions, or null when none can be found (not Linux).</summary>
    public static (string Path, IReadOnlySet<string> Versions)? Probe()
    {
        var path = FindMapped() ?? (NativeLibrary.TryLoad(Soname, out _) ? FindMapped() : null);
        return path is null ? null : (path, ElfVersions.ReadDefinitions(ElfImage.Parse(File.ReadAllBytes(path))));
    }

    /// <summary>The path of the first mapping of a file named like <c>libstdc++.so*</c>, or null.</summary>
    public static string? FindMapped(string mapsPath = "/proc/self/maps")
    {
        if (!File.Exists(mapsPath))
        {
            return null;
        }

        foreach (var line in File.ReadLines(mapsPath))
        {
            // address perms offset dev inode path: the path is the sixth field and may contain spaces.
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && Path.GetFileName(line.AsSpan(slash)).StartsWith("libstdc++.so", StringComparison.Ordinal))
            {
                return line[slash..].TrimEnd();
            }
        }

        return null;
    }
}
