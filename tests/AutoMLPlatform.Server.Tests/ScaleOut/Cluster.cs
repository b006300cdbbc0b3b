using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.ScaleOut;

/// <summary>
/// A scaled-out platform on one machine: a fresh PostgreSQL database for metadata and Hangfire, one shared data
/// directory for files, and processes started in roles. Disposing kills every process and drops the database.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private readonly List<ServerProcess> _processes = [];
    private readonly TempDirectory _directory = new();
    private readonly string _connectionString;
    private readonly Dictionary<string, string> _settings;

    private Cluster(string connectionString)
    {
        _connectionString = connectionString;
        _settings = new()
        {
            ["AutoMLPlatform:Provider"] = "Postgres",
            ["AutoMLPlatform:ConnectionString"] = connectionString,
            ["AutoMLPlatform:Jobs:LeaseTimeout"] = "00:00:04",
            ["AutoMLPlatform:Jobs:RecoverySweepInterval"] = "00:00:01",
            ["AutoMLPlatform:Scoring:ReloadPollInterval"] = "00:00:00.200",
        };
    }

    public string DataDirectory => _directory.Path;

    /// <summary>The cluster's own database, for a test that checks what is stored behind the API.</summary>
    public string ConnectionString => _connectionString;

    public static async Task<Cluster> CreateAsync() => new(await TestPostgres.CreateDatabaseAsync());

    public async Task<ServerProcess> StartAsync(string role, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(_settings);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var process = await ServerProcess.StartRoleAsync(role, _directory.Path, settings);
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        await TestPostgres.DropDatabaseAsync(_connectionString);
        _directory.Dispose();
    }
}
