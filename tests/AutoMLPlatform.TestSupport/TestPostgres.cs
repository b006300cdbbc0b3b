using System.Diagnostics;
using Npgsql;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// The test PostgreSQL cluster: the one named by <c>AUTOMLPLATFORM_TEST_POSTGRES</c> (tools/test.sh starts one and
/// sets it), else the project's own throw-away cluster, started here with <c>tools/postgres.sh start</c>. Each test
/// gets a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> AdminConnection = new(Resolve);

    /// <summary>
    /// The administrator's connection without pooling: a test that restarts the cluster leaves pooled connections dead,
    /// and the next test's CREATE DATABASE must not pick one of them up.
    /// </summary>
    private static string UnpooledAdmin => new NpgsqlConnectionStringBuilder(AdminConnection.Value) { Pooling = false }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string; drop it with <see cref="DropDatabaseAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "amlp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(UnpooledAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnection.Value) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(UnpooledAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("AUTOMLPLATFORM_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "tools", "postgres.sh"), "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Length > 0
            ? output.Split('\n')[^1]
            : throw new InvalidOperationException($"tools/postgres.sh start failed ({process.ExitCode}): {errors}");
    }
}
