using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.EndToEnd;

[Category("Slow")]
public class RestartTests
{
    private static readonly Dictionary<string, string> FastRecovery = new()
    {
        ["AutoMLPlatform:Jobs:LeaseTimeout"] = "00:00:03",
        ["AutoMLPlatform:Jobs:RecoverySweepInterval"] = "00:00:01",
    };

    [Test]
    public async Task A_job_whose_server_was_killed_mid_run_finishes_after_a_restart()
    {
        using var directory = new TempDirectory();
        string jobId;
        using (var first = await ServerProcess.StartAsync(directory.Path, FastRecovery))
        using (var api = first.Api())
        {
            var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(2000), "rule");
            var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 15, modelName = "rule" });
            jobId = (string)job["id"]!;
            await api.WaitForJobAsync(jobId, TimeSpan.FromMinutes(1), "running");
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(directory.Path, FastRecovery);
        using var client = second.Api();
        var finished = await client.WaitForJobAsync(jobId, TimeSpan.FromMinutes(2));
        var versions = ApiClient.Json(await client.Http.GetStringAsync("/api/models/rule/versions"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)finished["status"], Is.EqualTo("succeeded"), finished.ToJsonString());
            Assert.That((int?)finished["attempt"], Is.EqualTo(2));
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
        });
    }
}
