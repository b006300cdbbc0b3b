namespace AutoMLPlatform.Security;

/// <summary>Writes a secret to a file readable by its owner only (mode 0600), creating its folder (0700).</summary>
public static class SecretFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Secret files need Unix file modes; the platform runs on Linux.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerReadWrite | UnixFileMode.UserExecute);
        }

        // Created with its final mode, then filled: the secret is never readable by others, even for a moment.
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerReadWrite }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        File.Move(temp, path, overwrite: true);
    }
}
