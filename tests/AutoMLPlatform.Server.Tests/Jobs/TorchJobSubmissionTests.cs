using System.Net;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Jobs;

public class TorchJobSubmissionTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;
    private string _images = null!;
    private string _table = null!;
    private string _texts = null!;

    [OneTimeSetUp]
    public async Task UploadOnce()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        using var upload = await _api.UploadAsync("blobs.zip", TestImages.BlobsZip(perClass: 2), "blobs");
        _images = (string)(await ApiClient.ReadObjectAsync(upload, HttpStatusCode.Created))["id"]!;
        _table = (string)(await _api.UploadOkAsync("t.csv", TestTables.BinaryCsv(60), "rule"))["id"]!;
        _texts = (string)(await _api.UploadOkAsync("r.csv", TestTexts.Csv(TestTexts.Sentiments, 60), "reviews"))["id"]!;
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task An_image_dataset_job_is_queued_as_image_classification()
    {
        var job = await _api.SubmitJobAsync(new { datasetId = _images, label = "label", task = "image-classification", timeBudgetSeconds = 5, modelName = "img" });

        Assert.That((string?)job["status"], Is.AnyOf("queued", "running", "succeeded"));
    }

    [Test]
    public async Task Image_classification_on_a_table_is_refused()
    {
        var problem = await RefusedAsync(new { datasetId = _table, label = "y", task = "image-classification" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("task-not-for-dataset"));
    }

    [Test]
    public async Task Text_classification_on_an_image_dataset_is_refused()
    {
        var problem = await RefusedAsync(new { datasetId = _images, label = "label", task = "text-classification" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("task-not-for-dataset"));
    }

    [Test]
    public async Task An_image_dataset_is_labelled_by_its_folders_only()
    {
        var problem = await RefusedAsync(new { datasetId = _images, label = "image" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("invalid-label"));
    }

    [Test]
    public async Task Text_classification_on_a_table_without_text_is_refused()
    {
        var problem = await RefusedAsync(new { datasetId = _table, label = "y", task = "text-classification" });

        Assert.That((string?)problem["errorCode"], Is.EqualTo("no-text-column"));
    }

    [Test]
    public async Task A_torch_job_cannot_be_split_into_parts()
    {
        var text = await RefusedAsync(new { datasetId = _texts, label = "label", task = "text-classification", parallelism = 2 });
        var images = await RefusedAsync(new { datasetId = _images, label = "label", parallelism = 2 });

        Assert.That(((string?)text["errorCode"], (string?)images["errorCode"]), Is.EqualTo(("parallelism-not-for-task", "parallelism-not-for-task")));
    }

    [Test]
    public async Task An_unknown_task_names_the_torch_tasks_among_the_allowed_ones()
    {
        var problem = await RefusedAsync(new { datasetId = _texts, label = "label", task = "sentiment" });

        Assert.That((string?)problem["errors"]!["task"]![0], Does.Contain("text-classification").And.Contain("image-classification"));
    }

    [Test]
    public async Task Text_classification_cannot_require_onnx()
    {
        var problem = await RefusedAsync(new { datasetId = _texts, label = "label", task = "text-classification", requireOnnx = true });

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("torch-not-exportable"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "requireOnnx" }));
        });
    }

    [Test]
    public async Task An_image_dataset_cannot_require_onnx()
    {
        var problem = await RefusedAsync(new { datasetId = _images, label = "label", requireOnnx = true });

        Assert.That((string?)problem["detail"], Does.Contain("no ONNX form"));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> RefusedAsync(object body)
    {
        using var response = await _api.PostJsonAsync("/api/jobs", body);
        return await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
