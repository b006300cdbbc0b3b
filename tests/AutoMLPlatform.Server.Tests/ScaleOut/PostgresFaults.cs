using System.Diagnostics;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.ScaleOut;

/// <summary>A real PostgreSQL restart for fault tests, and polling through the outage it causes.</summary>
internal static class PostgresFaults
{
    /// <summary>Restarts the test cluster's server (<c>tools/postgres.sh restart</c>): every connection is cut.</summary>
    public static async Task RestartAsync()
    {
        using var restart = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "tools", "postgres.sh"), "restart"]))!;
        await restart.WaitForExitAsync();
        Assert.That(restart.ExitCode, Is.Zero, "tools/postgres.sh restart");

        // This test process's own pooled connections died with the server; later tests must not pick them up.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Polls <paramref name="path"/> until its <c>status</c> is final, tolerating the API's answers failing while the database is down.</summary>
    public static async Task<JsonObject> WaitForFinalAsync(ApiClient client, string path, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            using var response = await client.Http.GetAsync(path, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                var found = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!.AsObject();
                if ((string?)found["status"] is "succeeded" or "failed" or "cancelled")
                {
                    return found;
                }
            }

            await Task.Delay(500, timeout.Token);
        }
    }
}
