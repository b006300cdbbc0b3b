using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// One of the platform's hosts as a real child process (<c>dotnet HOST.dll ARGS --urls http://127.0.0.1:PORT</c>) on a free
/// loopback port, its output appended to <see cref="LogPath"/>, started once <c>/alive</c> answers. For tests that must
/// kill a process the hard way or talk to it over real HTTP.
/// </summary>
public sealed class ChildHost : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ChildHost(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    /// <summary>The process id, for reading its memory (<see cref="ProcessMemory"/>).</summary>
    public int ProcessId => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string LogPath { get; }

    /// <param name="command">The host's dll (beside the test assembly) and its arguments.</param>
    /// <param name="workingDirectory">The process's working directory; the log goes there too.</param>
    /// <param name="settings">Configuration settings, passed as environment variables (<c>a:b</c> becomes <c>a__b</c>).</param>
    public static async Task<ChildHost> StartAsync(string[] command, string workingDirectory, IEnumerable<KeyValuePair<string, string>> settings)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var logPath = Path.Combine(workingDirectory, $"{Path.GetFileNameWithoutExtension(command[0])}-{port}.log");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, command[0]), .. command[1..], "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ChildHost(process, port, logPath);
        try
        {
            await host.WaitAliveAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>SIGKILL: no shutdown hooks run, as when a machine loses power.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops a process: the host shuts down gracefully; waits until it exited.</summary>
    public async Task StopAsync(TimeSpan limit)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the process if it still runs; safe to call twice (a test's <c>using</c> and its fixture).</summary>
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
                throw new InvalidOperationException($"The server exited at start; see {LogPath}.");
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
