using System.Net;
using System.Net.Http.Json;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Access;

[Category("Slow")]
public class DeletionTests
{
    [Test]
    public async Task Deleting_a_dataset_removes_its_files_frees_its_name_and_keeps_lineage()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "rule" });
        await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));

        using var delete = await api.Http.DeleteAsync($"/api/datasets/{dataset["id"]}");
        using var gone = await api.Http.GetAsync($"/api/datasets/{dataset["id"]}");
        var again = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var lineage = ApiClient.Json(await api.Http.GetStringAsync("/api/models/rule/versions/1")).GetProperty("lineage");

        Assert.Multiple(async () =>
        {
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await ApiClient.ProblemAsync(gone, HttpStatusCode.NotFound, "dataset-not-found");
            Assert.That((string?)again["id"], Is.Not.EqualTo((string?)dataset["id"]));
            Assert.That((int?)again["version"], Is.EqualTo(1));
            Assert.That(lineage.GetProperty("datasetId").GetString(), Is.EqualTo((string?)dataset["id"]));
        });
    }

    [Test]
    public async Task A_deleted_datasets_file_is_gone_from_disk()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(50), "rule");
        var file = Directory.GetFiles(Path.Combine(factory.DataDirectory, "blobs"), (string)dataset["sha256"]!, SearchOption.AllDirectories).Single();

        using var delete = await api.Http.DeleteAsync($"/api/datasets/{dataset["id"]}");

        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public async Task A_model_version_behind_an_alias_cannot_be_deleted_but_another_one_can_and_stops_predicting()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        for (var i = 0; i < 2; i++)
        {
            var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "rule", seed = i + 1 });
            await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        }

        using var refused = await api.Http.DeleteAsync("/api/models/rule/versions/1");
        using var predictBefore = await api.PostRawJsonAsync("/api/predict/rule?version=2", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");
        using var deleted = await api.Http.DeleteAsync("/api/models/rule/versions/2");
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var predictAfter = await api.PostRawJsonAsync("/api/predict/rule?version=2", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");
        var versions = ApiClient.Json(await api.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.Multiple(async () =>
        {
            Assert.That((string?)(await ApiClient.ProblemAsync(refused, HttpStatusCode.Conflict))["errorCode"], Is.EqualTo("version-aliased"));
            Assert.That(predictBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await ApiClient.ProblemAsync(predictAfter, HttpStatusCode.NotFound, "model-not-found");
            Assert.That(versions[0].GetProperty("deletedAt").ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }
}
