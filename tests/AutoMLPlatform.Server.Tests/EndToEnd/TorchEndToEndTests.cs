using System.Net;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.EndToEnd;

[Category("Slow")]
public class TorchEndToEndTests
{
    [Test]
    public async Task An_uploaded_image_zip_trains_an_image_model_that_predicts_base64_images_over_http()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        using var upload = await api.UploadAsync("blobs.zip", TestImages.BlobsZip(perClass: 40), "blobs");
        var dataset = await ApiClient.ReadObjectAsync(upload, HttpStatusCode.Created);

        var submitted = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "label", timeBudgetSeconds = 30, modelName = "blobs" });
        var job = await api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(3));
        var random = new Random(12);
        var rows = new JsonArray(TestImages.BlobClasses.Select(c => (JsonNode)new JsonObject { ["image"] = Convert.ToBase64String(TestImages.Blob(c, random)) }).ToArray());
        using var response = await api.PostRawJsonAsync("/api/predict/blobs", rows.ToJsonString());
        var predictions = (await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK))["predictions"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That(job["leaderboard"]!.AsArray().Select(t => (string?)t!["trainer"]), Does.Contain("TorchImageClassifier"));
            Assert.That((string?)job["task"], Is.EqualTo("multiclass"));
            Assert.That(predictions.Select(p => (string?)p!["predictedLabel"]), Is.EqualTo(TestImages.BlobClasses));
        });
    }

    [Test]
    public async Task A_text_classification_job_trains_on_the_text_column_and_predicts_over_http()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("reviews.csv", TestTexts.Csv(TestTexts.Sentiments, 400), "reviews");

        var submitted = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "label", task = "text-classification", timeBudgetSeconds = 30, modelName = "reviews" });
        var job = await api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(3));
        using var response = await api.PostRawJsonAsync("/api/predict/reviews", """[{"review": "great and fresh, love it"}, {"review": "stale and broken, refund"}]""");
        var predictions = (await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK))["predictions"]!.AsArray();
        var model = await api.GetObjectAsync("/api/models/reviews/versions/1");

        Assert.Multiple(() =>
        {
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That((string?)job["leaderboard"]![0]!["trainer"], Is.EqualTo("TorchTextClassifier"));
            Assert.That(predictions.Select(p => (string?)p!["predictedLabel"]), Is.EqualTo(new[] { "good", "bad" }));
            Assert.That(model["inputs"]!.AsArray().Select(i => (string?)i!["name"]), Is.EqualTo(new[] { "review" }));
        });
    }
}
