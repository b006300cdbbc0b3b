using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>A scoring host the benchmark runs as a child process on a free loopback port, its output relayed to stderr.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Starts <c>dotnet DLL ARGUMENTS… --urls</c> and waits for <c>/alive</c>. Server GC is set for every host alike, as the
    /// standalone host's own configuration sets it, so hosts started from different assemblies are compared fairly.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string name, string dll, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Relay(name, e.Data);
        process.ErrorDataReceived += (_, e) => Relay(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, port);
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(host.Url("/alive"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        host.Dispose();
        throw new TimeoutException($"The {name} host did not start.");
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Relay(string name, string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine($"[{name}] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
