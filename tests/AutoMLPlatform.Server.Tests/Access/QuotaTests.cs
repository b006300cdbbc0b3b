using System.Net;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Access;

public class QuotaTests
{
    [Test]
    public async Task An_upload_past_the_storage_quota_answers_429_with_retry_after_and_stores_nothing()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Security:MaxStoredBytesPerTenant"] = "150" });
        using var api = factory.Api();
        await api.UploadOkAsync("a.csv", "a,b\n1,x\n2,y\n3,z\n", "first");

        using var response = await api.UploadAsync("b.csv", "a,b\n" + string.Concat(Enumerable.Repeat("12345,abcdef\n", 20)), "second");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.TooManyRequests);
        var list = await api.GetObjectAsync("/api/datasets");

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("storage-quota"));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(list["items"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_job_past_the_active_job_quota_answers_429()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Security:MaxActiveJobsPerTenant"] = "1" });
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(3000), "rule");
        var first = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 120 });

        using var second = await api.PostJsonAsync("/api/jobs", new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5 });
        var problem = await ApiClient.ProblemAsync(second, HttpStatusCode.TooManyRequests);
        using var cancel = await api.Http.PostAsync($"/api/jobs/{first["id"]}/cancel", null);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("job-quota"));
    }
}
