using System.Diagnostics;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>
/// A PostgreSQL cluster of the test's own (tools/postgres.sh with a directory of its own), so the test may stop it
/// without stopping every other test's database. Disposing stops it and deletes its files.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _directory;

    private PrivatePostgres(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "amlp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var output = await RunAsync(directory, "start");
        return new PrivatePostgres(directory, output.Trim().Split('\n')[^1]);
    }

    /// <summary>Stops the server at once (immediate shutdown) and deletes its files: the database is gone.</summary>
    public Task StopAsync() => RunAsync(_directory, "stop");

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(_directory))
        {
            await StopAsync();
        }
    }

    private static async Task<string> RunAsync(string directory, string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "tools", "postgres.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AUTOMLPLATFORM_PG_DIR"] = directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"tools/postgres.sh {command} failed ({process.ExitCode}): {await errors}");
    }
}
