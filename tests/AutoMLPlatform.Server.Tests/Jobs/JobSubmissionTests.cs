using System.Net;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Jobs;

public class JobSubmissionTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;
    private string _datasetId = null!;

    [OneTimeSetUp]
    public async Task UploadOnce()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        var dataset = await _api.UploadOkAsync("t.csv", TestTables.BinaryCsv(60) + "0.1,0.1,red,no\n", "rule");
        _datasetId = (string)dataset["id"]!;
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_valid_job_answers_202_queued_with_its_location()
    {
        using var response = await _api.PostJsonAsync("/api/jobs", new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 5, modelName = "rule" });
        var job = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Accepted);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/jobs/{job["id"]}"));
            Assert.That((string?)job["status"], Is.AnyOf("queued", "running"));
            Assert.That((int?)job["datasetVersion"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_label_that_is_not_a_column_is_refused_naming_the_columns()
    {
        var problem = await SubmitBadAsync(new { datasetId = _datasetId, label = "target", timeBudgetSeconds = 5 }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("unknown-label"));
            Assert.That((string?)problem["detail"], Does.Contain("x1, x2, color, y"));
        });
    }

    [Test]
    public async Task A_label_with_a_single_value_is_unprocessable()
    {
        var dataset = await _api.UploadOkAsync("c.csv", "x,y\n1,a\n2,a\n3,a\n", "constant");

        var problem = await SubmitBadAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5 }, HttpStatusCode.UnprocessableEntity);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("label-single-value"));
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(10_000_000)]
    public async Task A_time_budget_of_zero_or_absurd_size_is_refused(double seconds)
    {
        var problem = await SubmitBadAsync(new { datasetId = _datasetId, label = "y", timeBudgetSeconds = seconds }, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!["timeBudgetSeconds"], Is.Not.Null);
    }

    [Test]
    public async Task Several_bad_fields_are_reported_together()
    {
        var problem = await SubmitBadAsync(new { datasetId = _datasetId, task = "clustering", metric = "bleu", timeBudgetSeconds = 0 }, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "task", "metric", "timeBudgetSeconds", "label" }));
    }

    [Test]
    public async Task A_metric_of_another_task_is_refused()
    {
        var problem = await SubmitBadAsync(new { datasetId = _datasetId, label = "y", metric = "rmse", timeBudgetSeconds = 5 }, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("metric-not-for-task"));
    }

    [Test]
    public async Task A_job_that_requires_onnx_is_queued_and_shows_it()
    {
        using var response = await _api.PostJsonAsync("/api/jobs", new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 5, modelName = "rule", requireOnnx = true });
        var job = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Accepted);

        Assert.That((bool?)job["requireOnnx"], Is.True);
    }

    [Test]
    public async Task A_job_split_into_parts_is_queued_and_shows_its_parallelism()
    {
        using var response = await _api.PostJsonAsync("/api/jobs", new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 5, modelName = "rule", parallelism = 3 });
        var job = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Accepted);

        Assert.That((int?)job["parallelism"], Is.EqualTo(3));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(8)]
    public async Task A_parallelism_outside_one_to_the_number_of_trainers_is_a_400_naming_it(int parallelism)
    {
        var problem = await SubmitBadAsync(new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 5, parallelism }, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "parallelism" }));
            Assert.That((string?)problem["errors"]!["parallelism"]![0], Does.Contain("1 to 7"));
        });
    }

    [TestCase("\"yes\"")]
    [TestCase("1")]
    [TestCase("{}")]
    public async Task A_requireOnnx_that_is_not_true_or_false_is_a_400_naming_it(string value)
    {
        using var content = new StringContent($"{{\"datasetId\":\"{_datasetId}\",\"label\":\"y\",\"requireOnnx\":{value}}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _api.Http.PostAsync("/api/jobs", content);

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "requireOnnx" }));
    }

    [TestCase("9d3c1a52-1111-4222-8333-944445555666")]
    [TestCase("nonsense")]
    public async Task An_unknown_dataset_answers_404(string id)
    {
        await SubmitBadAsync(new { datasetId = id, label = "y", timeBudgetSeconds = 5 }, HttpStatusCode.NotFound, "dataset-not-found");
    }

    [Test]
    public async Task An_unknown_job_answers_404()
    {
        using var response = await _api.Http.GetAsync("/api/jobs/9d3c1a52-1111-4222-8333-944445555666");

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "job-not-found");
    }

    private async Task<JsonObject> SubmitBadAsync(object body, HttpStatusCode expected, string? errorCode = null)
    {
        using var response = await _api.PostJsonAsync("/api/jobs", body);
        return await ApiClient.ProblemAsync(response, expected, errorCode);
    }
}
