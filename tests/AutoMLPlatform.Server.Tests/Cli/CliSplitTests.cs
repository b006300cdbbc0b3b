extern alias cli;

using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using cli::AutoMLPlatform.Cli;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>
/// An alias's traffic split with <c>automl models split|alias|promote-canary|clear-split</c> and
/// <c>automl predict --routing-key</c> against the real server (in process, over its HTTP handler), on two versions.
/// </summary>
[Category("Slow")]
public class CliSplitTests
{
    private PlatformFactory _factory = null!;

    [OneTimeSetUp]
    public async Task TrainTwoVersionsAsync()
    {
        _factory = new PlatformFactory();
        using var api = _factory.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        for (var seed = 1; seed <= 2; seed++)
        {
            var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = "rule", seed });
            await api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        }
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_canary_is_set_shown_followed_by_routing_key_promoted_and_cleared()
    {
        var split = await RunAsync("models", "split", "--model", "rule", "--version", "1", "--canary", "2", "--percent", "50", "--alias", "rollout");
        var shown = await RunAsync("models", "alias", "--model", "rule", "--alias", "rollout");
        var versions = new List<(int, int)>();
        for (var key = 0; key < 12; key++)
        {
            versions.Add((await VersionAsync($"k{key}"), await VersionAsync($"k{key}")));
        }

        var promoted = await RunAsync("models", "promote-canary", "--model", "rule", "--alias", "rollout");
        await RunAsync("models", "split", "--model", "rule", "--version", "2", "--shadow", "1", "--alias", "rollout");
        var cleared = await RunAsync("models", "clear-split", "--model", "rule", "--alias", "rollout");
        var refused = await RunAsync("models", "promote-canary", "--model", "rule", "--alias", "rollout");

        Assert.Multiple(() =>
        {
            Assert.That(split.Stdout.Single(), Is.EqualTo("rule rollout: version 1, canary version 2 at 50 %"), split.ToString());
            Assert.That(shown.Stdout.Single(), Is.EqualTo("rule rollout: version 1, canary version 2 at 50 %"));
            Assert.That(versions.All(v => v.Item1 == v.Item2), Is.True, "one routing key, one version");
            Assert.That(versions.Select(v => v.Item1).Distinct().Order(), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(promoted.Stdout.Single(), Is.EqualTo("rule rollout: version 1 -> 2"));
            Assert.That(cleared.Stdout.Single(), Is.EqualTo("rule rollout: version 2, no split"));
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(refused.Stderr.Single(), Does.StartWith("automl: 409"));
        });
    }

    private async Task<int> VersionAsync(string key)
    {
        var run = await RunAsync("predict", "--model", "rule", "--alias", "rollout", "--routing-key", key, "--json", """{"x1": 0.5, "x2": 0.1, "color": "red"}""",
            "--output", "json");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return (int)JsonNode.Parse(string.Join("", run.Stdout))!["version"]!;
    }

    private Task<CliResult> RunAsync(params string[] args) => new InProcessCli(_factory).RunAsync(args);
}
