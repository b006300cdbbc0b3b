using System.Net;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Access;

[Category("Slow")]
public class TenantIsolationTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _owner = null!;
    private ApiClient _other = null!;
    private string _datasetId = null!;
    private string _jobId = null!;

    [OneTimeSetUp]
    public async Task TwoTenants()
    {
        _factory = new PlatformFactory();
        _owner = _factory.Api();
        using var created = await _owner.PostJsonAsync("/api/tenants", new { name = "other" });
        var tenant = await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created);
        _other = _factory.Api((string)tenant["adminKey"]!["key"]!);
        var dataset = await _owner.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        _datasetId = (string)dataset["id"]!;
        var job = await _owner.SubmitJobAsync(new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "churn" });
        _jobId = (string)job["id"]!;
        await _owner.WaitForJobAsync(_jobId, TimeSpan.FromMinutes(2));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _other.Dispose();
        _owner.Dispose();
        _factory.Dispose();
    }

    [TestCase("/api/datasets/{dataset}", "dataset-not-found")]
    [TestCase("/api/datasets/{dataset}/versions/1", "dataset-not-found")]
    [TestCase("/api/jobs/{job}", "job-not-found")]
    [TestCase("/api/models/churn", "model-not-found")]
    [TestCase("/api/models/churn/versions", "model-not-found")]
    public async Task Another_tenants_object_answers_404_exactly_like_a_missing_one(string path, string errorCode)
    {
        using var theirs = await _other.Http.GetAsync(Fill(path));
        using var missing = await _other.Http.GetAsync(Fill(path).Replace(_datasetId, Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace(_jobId, Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("churn", "nothing", StringComparison.Ordinal));

        var theirsProblem = await ApiClient.ProblemAsync(theirs, HttpStatusCode.NotFound, errorCode);
        var missingProblem = await ApiClient.ProblemAsync(missing, HttpStatusCode.NotFound, errorCode);

        Assert.That((string?)theirsProblem["errorCode"], Is.EqualTo((string?)missingProblem["errorCode"]));
    }

    [Test]
    public async Task Another_tenant_cannot_predict_with_cancel_or_promote_the_owners_objects()
    {
        using var predict = await _other.PostRawJsonAsync("/api/predict/churn", """{"x1": 0.1, "x2": 0.2, "color": "red"}""");
        using var cancel = await _other.Http.PostAsync($"/api/jobs/{_jobId}/cancel", null);
        using var promote = await _other.Http.PutAsync("/api/models/churn/aliases/production", System.Net.Http.Json.JsonContent.Create(new { version = 1 }));

        Assert.Multiple(async () =>
        {
            await ApiClient.ProblemAsync(predict, HttpStatusCode.NotFound, "model-not-found");
            await ApiClient.ProblemAsync(cancel, HttpStatusCode.NotFound, "job-not-found");
            await ApiClient.ProblemAsync(promote, HttpStatusCode.NotFound, "model-not-found");
        });
    }

    [Test]
    public async Task Lists_show_only_the_callers_own_objects()
    {
        var datasets = await _other.GetObjectAsync("/api/datasets");
        var jobs = await _other.GetObjectAsync("/api/jobs");
        var models = await _other.GetObjectAsync("/api/models");

        Assert.Multiple(() =>
        {
            Assert.That(datasets["items"]!.AsArray(), Is.Empty);
            Assert.That(jobs["items"]!.AsArray(), Is.Empty);
            Assert.That(models["items"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task The_same_bytes_and_names_in_two_tenants_are_kept_apart()
    {
        var theirs = await _other.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");

        Assert.That((string?)theirs["id"], Is.Not.EqualTo(_datasetId));
    }

    [Test]
    public async Task A_tenant_admin_cannot_create_tenants()
    {
        using var response = await _other.PostJsonAsync("/api/tenants", new { name = "third" });

        await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private string Fill(string path) => path.Replace("{dataset}", _datasetId, StringComparison.Ordinal).Replace("{job}", _jobId, StringComparison.Ordinal);
}
