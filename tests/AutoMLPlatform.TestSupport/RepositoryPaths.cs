namespace AutoMLPlatform.TestSupport;

/// <summary>Finds the repository root, its samples and the shared datasets beside it (<c>../shared/datasets</c>).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shared datasets folder: <c>AUTOMLPLATFORM_SHARED_DATASETS</c> if set, else <c>../shared/datasets</c>.</summary>
    public static string SharedDatasets =>
        Environment.GetEnvironmentVariable("AUTOMLPLATFORM_SHARED_DATASETS") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    /// <summary>A file of a shared dataset, e.g. <c>SharedDataset("credit", "train.csv")</c>.</summary>
    public static string SharedDataset(string name, string file) => Path.Combine(SharedDatasets, name, file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoMLPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AutoMLPlatform.sln was not found above the test's directory.");
    }
}
