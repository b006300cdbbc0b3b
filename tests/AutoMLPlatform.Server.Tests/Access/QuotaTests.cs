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

    [Test]
    [Category("Slow")]
    public async Task Predictions_past_the_tenants_rate_answer_429_while_another_tenant_is_served()
    {
        using var factory = new PlatformFactory(new() { ["AutoMLPlatform:Security:PredictionsPerSecondPerTenant"] = "2" });
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "rule" });
        await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        using var created = await api.PostJsonAsync("/api/tenants", new { name = "other" });
        using var other = factory.Api((string)(await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created))["adminKey"]!["key"]!);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await api.PostRawJsonAsync("/api/predict/rule", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");
            statuses.Add(response.StatusCode);
        }

        using var limited = await api.PostRawJsonAsync("/api/predict/rule", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");
        using var otherTenant = await other.PostRawJsonAsync("/api/predict/rule", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Does.Contain(HttpStatusCode.OK).And.Contain(HttpStatusCode.TooManyRequests));
            Assert.That((string?)(await ApiClient.ProblemAsync(limited, HttpStatusCode.TooManyRequests))["errorCode"], Is.EqualTo("rate-limited"));
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
            await ApiClient.ProblemAsync(otherTenant, HttpStatusCode.NotFound, "model-not-found"); // answered (it has no such model), not limited
        });
    }
}
