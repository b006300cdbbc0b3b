using System.Net;
using System.Net.Http.Headers;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Access;

[Category("Slow")]
public class RevocationAcrossProcessesTests
{
    [Test]
    public async Task A_key_revoked_on_the_platform_stops_working_on_a_separate_scoring_service_within_seconds()
    {
        using var directory = new TempDirectory();
        using var platform = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string>());
        using var admin = platform.Api();
        var dataset = await admin.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await admin.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "rule" });
        await admin.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        using var created = await admin.PostJsonAsync("/api/keys", new { name = "app", scopes = new[] { "predict" } });
        var key = await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created);
        using var scoring = await ServerProcess.StartScoringAsync(directory.Path, new Dictionary<string, string>());
        using var app = scoring.Api();
        app.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)key["key"]!);
        using var before = await app.PostRawJsonAsync("/api/predict/rule", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");

        using var revoke = await admin.Http.DeleteAsync($"/api/keys/{key["id"]}");
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var after = await app.PostRawJsonAsync("/api/predict/rule", """{"x1": 0.5, "x2": 0.1, "color": "red"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await ApiClient.ProblemAsync(after, HttpStatusCode.Unauthorized);
        });
    }
}
