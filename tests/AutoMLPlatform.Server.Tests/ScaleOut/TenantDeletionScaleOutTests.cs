using System.Net;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using Npgsql;

namespace AutoMLPlatform.Server.Tests.ScaleOut;

/// <summary>A tenant deleted through the API process while a separate worker process trains for it, over PostgreSQL.</summary>
[Category("Postgres")]
[Category("Slow")]
public class TenantDeletionScaleOutTests
{
    [Test]
    public async Task A_tenant_deleted_while_a_worker_trains_for_it_stops_the_job_and_the_worker_forgets_its_data_key()
    {
        await using var cluster = await Cluster.CreateAsync();
        using var api = await cluster.StartAsync("api");
        using var worker = await cluster.StartAsync("worker", ("AutoMLPlatform:Security:DataKeyRecheckInterval", "00:00:02"));
        using var admin = api.Api();
        using var created = await admin.PostJsonAsync("/api/tenants", new { name = "leaving" });
        var answer = await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created);
        var tenant = (string)answer["id"]!;
        using var theirs = api.Api((string)answer["adminKey"]!["key"]!);
        var dataset = await theirs.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        var job = await theirs.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 30, modelName = "rule" });
        await WaitForPhaseAsync(theirs, (string)job["id"]!, "searching");

        using var deleted = await admin.Http.DeleteAsync($"/api/tenants/{tenant}");
        var forgot = await WaitForLogAsync(worker, $"Forgot the data key of deleted tenant {tenant}");
        var stopped = await WaitForLogAsync(worker, $"Job {job["id"]} was taken over by another worker; this attempt stopped");
        var stored = await CountAsync(cluster, "SELECT (SELECT COUNT(*) FROM model_versions WHERE tenant_id = @t) + (SELECT COUNT(*) FROM jobs WHERE tenant_id = @t)"
            + " + (SELECT COUNT(*) FROM datasets WHERE tenant_id = @t)", tenant);

        Assert.Multiple(() =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(forgot, Is.True, "the worker process dropped the deleted tenant's data key");
            Assert.That(stopped, Is.True, "the worker stopped the deleted tenant's job");
            Assert.That(stored, Is.Zero, "no dataset, job or model version of the tenant is left, none registered after");
            Assert.That(Directory.Exists(Path.Combine(cluster.DataDirectory, "blobs", tenant)), Is.False, "its files");
        });
    }

    private static async Task WaitForPhaseAsync(ApiClient client, string id, string phase)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        JsonObject found;
        while ((string?)(found = await client.GetObjectAsync($"/api/jobs/{id}"))["progress"]!["phase"] != phase)
        {
            Assert.That((string?)found["status"], Is.AnyOf("queued", "running"), found.ToJsonString());
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>True once the process's log has the line; false after a minute.</summary>
    private static async Task<bool> WaitForLogAsync(ServerProcess process, string line)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < until)
        {
            if ((await process.ReadLogAsync()).Contains(line, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static async Task<long> CountAsync(Cluster cluster, string sql, string tenant)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("t", tenant);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
