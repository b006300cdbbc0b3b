using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Scoring.Tests;

/// <summary>
/// A <see cref="ScoringHost"/> over a temporary directory of its own, with one client sending the admin key, for a
/// fixture that shares the host between its tests; disposing it stops the host and deletes the directory.
/// </summary>
internal sealed class RunningScoringHost : IDisposable
{
    private RunningScoringHost(TempDirectory directory, ScoringHost host)
    {
        DataDirectory = directory;
        Host = host;
        Client = host.CreateClient();
    }

    public TempDirectory DataDirectory { get; }

    public ScoringHost Host { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Runs <paramref name="registerModels"/> (when given) over the data directory's stores first, then starts the host
    /// as <see cref="ScoringHost.StartAsync"/> does: <paramref name="versions"/> versions of <c>rule</c>, <paramref name="settings"/>.
    /// </summary>
    public static async Task<RunningScoringHost> StartAsync(Func<PlatformStores, Task>? registerModels = null, int versions = 1,
        Dictionary<string, string?>? settings = null)
    {
        var directory = new TempDirectory();
        try
        {
            if (registerModels is not null)
            {
                await using var stores = await PlatformStores.StartAsync(directory.Path);
                await registerModels(stores);
            }

            return new RunningScoringHost(directory, await ScoringHost.StartAsync(directory, versions, settings));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Posts <paramref name="json"/> to <paramref name="path"/> with the shared client.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) => Host.PostJsonAsync(Client, path, json);

    /// <summary>The size of the largest file stored under the data directory.</summary>
    public long LargestStoredFileBytes() =>
        Directory.EnumerateFiles(DataDirectory.Path, "*", SearchOption.AllDirectories).Max(f => new FileInfo(f).Length);

    public void Dispose()
    {
        Client.Dispose();
        Host.Dispose();
        DataDirectory.Dispose();
    }
}
