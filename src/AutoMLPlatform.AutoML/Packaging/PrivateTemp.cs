namespace AutoMLPlatform.AutoML.Packaging;

/// <summary>
/// Where ML.NET may put a model's pieces while it saves or loads one (<c>MLContext.TempFilePath</c>): it writes every
/// entry of the model to a temp file first, and by default in the machine's shared temp directory, readable by every
/// user. This is one directory per process, made by the system owner-only (mode 0700) on first use, so the plaintext
/// pieces are readable by this user alone; ML.NET deletes its files when done, and the empty directory goes when the
/// process exits. Fixed once made: it is the same for the life of the process, like the process id.
/// </summary>
internal static class PrivateTemp
{
    private static readonly Lazy<string> Created = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Created.Value;

    private static string Create()
    {
        var directory = Directory.CreateTempSubdirectory("automlplatform-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        return directory;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Another process's cleanup or a file still open: a leftover empty directory harms nobody.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
