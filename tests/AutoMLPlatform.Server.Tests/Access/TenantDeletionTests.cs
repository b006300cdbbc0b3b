using System.Net;
using AutoMLPlatform.TestSupport;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Access;

public class TenantDeletionTests
{
    private const string EveryMinute = """
        {"name": "minutely", "dataset": "rule", "label": "y", "timeBudgetSeconds": 5, "schedule": {"cron": "* * * * *"}}
        """;

    [Test]
    public async Task Deleting_a_tenant_refuses_its_key_at_once_removes_its_schedules_and_deletes_its_files()
    {
        using var factory = new PlatformFactory();
        using var admin = factory.Api();
        using var created = await admin.PostJsonAsync("/api/tenants", new { name = "leaving" });
        var tenant = await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created);
        using var theirs = factory.Api((string)tenant["adminKey"]!["key"]!);
        await theirs.UploadOkAsync("rule.csv", TestTables.BinaryCsv(50), "rule");
        using (var pipeline = await theirs.PostRawJsonAsync("/api/pipelines", EveryMinute))
        {
            await ApiClient.ReadObjectAsync(pipeline, HttpStatusCode.Created);
        }

        var files = Path.Combine(factory.DataDirectory, "blobs", (string)tenant["id"]!);
        var schedulesBefore = ScheduleIds(factory);

        using var deleted = await admin.Http.DeleteAsync($"/api/tenants/{tenant["id"]}");
        using var refused = await theirs.Http.GetAsync("/api/datasets");
        var schedulesAfter = ScheduleIds(factory);

        Assert.Multiple(() =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the key of a deleted tenant, at once");
            Assert.That(schedulesBefore, Has.Some.Contains((string)tenant["id"]!));
            Assert.That(schedulesAfter, Has.None.Contains((string)tenant["id"]!), "its pipeline's recurring job");
            Assert.That(Directory.Exists(files), Is.False, "its blobs");
        });
    }

    private static string[] ScheduleIds(PlatformFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToArray();
    }
}
