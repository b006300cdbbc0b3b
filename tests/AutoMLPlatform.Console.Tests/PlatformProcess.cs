using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// The platform (<c>dotnet AutoMLPlatform.Server.dll</c>, embedded storage and the <c>all</c> role unless told) as a real process on
/// a free loopback port over a temporary data directory, with <see cref="TestKeys.Admin"/> bootstrapped. Its output
/// goes to <see cref="LogPath"/>, attached to a failing test's results by the fixtures.
/// </summary>
public sealed class PlatformProcess : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _data;

    private PlatformProcess(Process process, TempDirectory data, int port, string logPath)
    {
        _process = process;
        _data = data;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>Starts the platform in a role (<c>all</c> by default) with extra configuration settings.</summary>
    public static async Task<PlatformProcess> StartAsync(string role = "all", IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = new TempDirectory();
        var port = FreePort();
        var logPath = Path.Combine(data.Path, "server.log");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Server.dll"), "--role", role, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data.Path,
        };
        start.Environment["AutoMLPlatform__DataDirectory"] = Path.Combine(data.Path, "data");
        start.Environment[TestKeys.BootstrapSetting.Replace(":", "__", StringComparison.Ordinal)] = TestKeys.Admin;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var platform = new PlatformProcess(process, data, port, logPath);
        await platform.WaitAliveAsync();
        return platform;
    }

    /// <summary>An HTTP client of the API with the admin key, for arranging and checking what the browser did.</summary>
    public HttpClient Api()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        return http;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _data.Dispose();
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitAliveAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited at start: {await File.ReadAllTextAsync(LogPath)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/alive", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server did not answer /alive within a minute; see {LogPath}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
