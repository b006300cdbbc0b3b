using System.Net;
using System.Net.Http.Json;

namespace AutoMLPlatform.Server.Tests.Models;

[Category("Slow")]
public class ModelRegistryApiTests
{
    private TrainedPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainOnce() => _platform = await TrainedPlatform.StartAsync();

    [OneTimeTearDown]
    public void Dispose() => _platform.Dispose();

    [Test]
    public async Task A_trained_version_shows_metrics_schema_lineage_and_artifact_hash()
    {
        var versions = await _platform.Api.Http.GetStringAsync("/api/models/penguins/versions");
        var version = ApiClient.Json(versions)[0];

        Assert.Multiple(() =>
        {
            Assert.That(version.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(version.GetProperty("task").GetString(), Is.EqualTo("multiclass"));
            Assert.That(version.GetProperty("metrics").GetProperty("accuracy").GetDouble(), Is.GreaterThan(0.9));
            Assert.That(version.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()), Does.Contain("bill_length_mm"));
            Assert.That(version.GetProperty("lineage").GetProperty("jobId").GetString(), Is.EqualTo((string?)_platform.Job["id"]));
            Assert.That(version.GetProperty("lineage").GetProperty("trainer").GetString(), Is.Not.Empty);
            Assert.That(version.GetProperty("artifactSha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(version.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()), Does.Contain("production"));
        });
    }

    [Test]
    public async Task Pointing_an_alias_at_a_missing_version_answers_404()
    {
        using var response = await _platform.Api.Http.PutAsJsonAsync("/api/models/penguins/aliases/staging", new { version = 9 });

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");
    }

    [TestCase("Production")]
    [TestCase("has space")]
    public async Task An_invalid_alias_name_is_refused(string alias)
    {
        using var response = await _platform.Api.Http.PutAsJsonAsync($"/api/models/penguins/aliases/{Uri.EscapeDataString(alias)}", new { version = 1 });

        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Rolling_back_an_alias_that_never_moved_is_a_conflict()
    {
        using var response = await _platform.Api.Http.PostAsync("/api/models/penguins/aliases/production/rollback", null);

        await ApiClient.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task An_unknown_model_answers_404()
    {
        using var response = await _platform.Api.Http.GetAsync("/api/models/nope/versions");

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");
    }
}
