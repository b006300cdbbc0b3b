using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AutoMLPlatform.Server.Tests;

/// <summary>
/// The server as a real child process (<c>dotnet AutoMLPlatform.Server.dll</c> from the test's output) on a free
/// loopback port, for tests that must kill it the hard way; or the standalone scoring host
/// (<c>dotnet AutoMLPlatform.Scoring.dll DATA_DIRECTORY</c>) over a data directory the platform writes.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ServerProcess(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    public string LogPath { get; }

    public ApiClient Api()
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PlatformFactory.AdminKey);
        return new ApiClient(http);
    }

    public static Task<ServerProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings) =>
        StartAsync([Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Server.dll")], dataDirectory, settings);

    /// <summary>The platform's binary in one role (<c>--role api|worker|scoring</c>).</summary>
    public static Task<ServerProcess> StartRoleAsync(string role, string dataDirectory, IDictionary<string, string> settings) =>
        StartAsync([Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Server.dll"), "--role", role], dataDirectory, settings);

    /// <summary>The standalone scoring host, given the data directory as its first argument, as its README says.</summary>
    public static Task<ServerProcess> StartScoringAsync(string dataDirectory, IDictionary<string, string> settings) =>
        StartAsync([Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Scoring.dll"), dataDirectory], dataDirectory, settings);

    private static async Task<ServerProcess> StartAsync(string[] command, string dataDirectory, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var logPath = Path.Combine(dataDirectory, $"{Path.GetFileNameWithoutExtension(command[0])}-{port}.log");
        var start = new ProcessStartInfo("dotnet", [.. command, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        start.Environment["AutoMLPlatform__DataDirectory"] = dataDirectory;
        start.Environment["AutoMLPlatform__Security__BootstrapKey"] = PlatformFactory.AdminKey;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port, logPath);
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks run, as when a machine loses power.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Kills the process if it still runs; safe to call twice (a test's <c>using</c> and its cluster).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited at start; see {LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync("/alive");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not become ready; see {LogPath}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
