using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests;

/// <summary>
/// The server as a real child process (<c>dotnet AutoMLPlatform.Server.dll</c> from the test's output) on a free
/// loopback port, for tests that must kill it the hard way; or the standalone scoring host
/// (<c>dotnet AutoMLPlatform.Scoring.dll DATA_DIRECTORY</c>) over a data directory the platform writes.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ChildHost _host;

    private ServerProcess(ChildHost host) => _host = host;

    public int Port => _host.Port;

    public int ProcessId => _host.ProcessId;

    public string LogPath => _host.LogPath;

    /// <summary>The log written so far, read beside the process that is still writing it.</summary>
    public async Task<string> ReadLogAsync()
    {
        await using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    /// <summary>A client sending <paramref name="key"/> (the system admin key by default).</summary>
    public ApiClient Api(string key = PlatformFactory.AdminKey)
    {
        var http = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return new ApiClient(http);
    }

    public static Task<ServerProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings) =>
        StartAsync(["AutoMLPlatform.Server.dll"], dataDirectory, settings);

    /// <summary>The platform's binary in one role (<c>--role api|worker|scoring</c>).</summary>
    public static Task<ServerProcess> StartRoleAsync(string role, string dataDirectory, IDictionary<string, string> settings) =>
        StartAsync(["AutoMLPlatform.Server.dll", "--role", role], dataDirectory, settings);

    /// <summary>The standalone scoring host, given the data directory as its first argument, as its README says.</summary>
    public static Task<ServerProcess> StartScoringAsync(string dataDirectory, IDictionary<string, string> settings) =>
        StartAsync(["AutoMLPlatform.Scoring.dll", dataDirectory], dataDirectory, settings);

    /// <summary>SIGKILL: no shutdown hooks run, as when a machine loses power.</summary>
    public void Kill() => _host.Kill();

    /// <summary>SIGTERM: a graceful shutdown, as when a worker is redeployed; waits until the process exited.</summary>
    public Task StopAsync(TimeSpan limit) => _host.StopAsync(limit);

    /// <summary>Kills the process if it still runs; safe to call twice (a test's <c>using</c> and its cluster).</summary>
    public void Dispose() => _host.Dispose();

    private static async Task<ServerProcess> StartAsync(string[] command, string dataDirectory, IDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["AutoMLPlatform:DataDirectory"] = dataDirectory,
            [TestKeys.BootstrapSetting] = PlatformFactory.AdminKey,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return new ServerProcess(await ChildHost.StartAsync(command, dataDirectory, environment));
    }
}
