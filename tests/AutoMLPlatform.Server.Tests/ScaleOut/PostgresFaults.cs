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

    /// <summary>
    /// Polls <paramref name="path"/> until its <c>status</c> is final, tolerating the API's answers failing while the database
    /// is down; fails the test with the last answer seen when <paramref name="limit"/> passes first.
    /// </summary>
    public static async Task<JsonObject> WaitForFinalAsync(ApiClient client, string path, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.Http.GetAsync(path);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.IsSuccessStatusCode && JsonNode.Parse(last[4..])!.AsObject() is var found
                    && (string?)found["status"] is "succeeded" or "failed" or "cancelled")
                {
                    return found;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"{path} did not reach a final status within {limit}; last answer: {last}");
        throw new UnreachableException();
    }
}
