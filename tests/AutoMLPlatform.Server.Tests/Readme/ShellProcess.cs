using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>
/// A command run with <c>bash -c</c> in a folder, its output (and that of everything it starts) appended to a log file,
/// never to the test host's own output: a build server that outlives the command must not hold the test run open.
/// The environment is the test's, without settings that would change what a new user's command does: the platform's
/// own (<c>AUTOMLPLATFORM_*</c>, <c>AutoMLPlatform__*</c>), ASP.NET Core's and MSBuild's (the test host's build
/// variables would steer a nested build); node reuse is off so no build node is left behind.
/// </summary>
internal sealed class ShellProcess : IDisposable
{
    private static readonly string[] DroppedPrefixes = ["AUTOMLPLATFORM", "ASPNETCORE_", "MSBUILD", "DOTNET_HOST_PATH"];

    private readonly Process _process;

    private ShellProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ShellProcess Start(string command, string workingDirectory, string logPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"exec >>'{logPath}' 2>&1 </dev/null\n{command}"])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => DroppedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ShellProcess(Process.Start(start) ?? throw new InvalidOperationException("bash did not start."), logPath);
    }

    /// <summary>Waits until the process ends; false when <paramref name="limit"/> passed first (it is then killed).</summary>
    public async Task<bool> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    /// <summary>Waits until <c>http://127.0.0.1:PORT/alive</c> answers 200 (the first run builds, so this may take minutes).</summary>
    public async Task WaitAliveAsync(int port, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The command exited with {_process.ExitCode} before answering on port {port}:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/alive"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // still building, or not listening yet
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Nothing answered on port {port} within {limit}:\n{LogTail()}");
    }

    public string LogTail(int characters = 4000)
    {
        var text = File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";
        return text.Length <= characters ? text : text[^characters..];
    }

    /// <summary>Kills a process and everything it started (<c>dotnet run</c> runs the app as its child).</summary>
    public static void KillTree(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // already gone
        }
        catch (InvalidOperationException)
        {
            // exited while we looked
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }
}
