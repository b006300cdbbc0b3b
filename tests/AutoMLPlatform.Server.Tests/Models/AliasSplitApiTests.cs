using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Models;

/// <summary>
/// Canary and shadow through the platform's API: three versions of <c>rule</c> trained by jobs, version 3 deleted.
/// Every test sets the split it needs first, so they pass in any order.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class AliasSplitApiTests
{
    private const string Row = """{"x1": 0.5, "x2": 0.2, "color": "red"}""";
    private const string Production = "/api/models/rule/aliases/production";
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public async Task TrainThreeVersions()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        var dataset = await _api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(300), "rule");
        for (var i = 0; i < 3; i++)
        {
            var job = await _api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 10, modelName = "rule", maxTrials = 1 });
            var done = await _api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
            Assert.That((string?)done["status"], Is.EqualTo("succeeded"), done.ToJsonString());
        }

        (await _api.Http.DeleteAsync("/api/models/rule/versions/3")).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_split_set_in_one_call_shows_on_the_alias_and_the_model_and_is_audited_with_its_share()
    {
        using var put = await _api.Http.PutAsJsonAsync(Production, new { version = 1, canary = new { version = 2, percent = 10 } });
        await ApiClient.ReadObjectAsync(put, HttpStatusCode.OK);

        var alias = await _api.GetObjectAsync(Production);
        var model = await _api.GetObjectAsync("/api/models/rule");
        var audit = (await _api.GetObjectAsync("/api/audit"))["items"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That((int)alias["version"]!, Is.EqualTo(1));
            Assert.That(((int)alias["canary"]!["version"]!, (double)alias["canary"]!["percent"]!), Is.EqualTo((2, 10.0)));
            Assert.That(alias["shadow"], Is.Null);
            Assert.That((int)model["splits"]!["production"]!["canary"]!["version"]!, Is.EqualTo(2));
            Assert.That((string?)audit[0]!["action"], Is.EqualTo("model.promote"));
            Assert.That((string?)audit[0]!["target"], Does.Contain("canary=2@10%"));
        });
    }

    [Test]
    public async Task Keyed_predictions_through_a_split_alias_keep_their_version_and_say_it_in_the_row_and_the_header()
    {
        await SetAsync(new { version = 1, canary = new { version = 2, percent = 50 } });
        var keys = Enumerable.Range(0, 40).Select(i => $"customer-{i}").ToArray();

        var first = await Task.WhenAll(keys.Select(PredictAsync));
        var second = await Task.WhenAll(keys.Select(PredictAsync));

        Assert.Multiple(() =>
        {
            Assert.That(second.Select(a => a.Body), Is.EqualTo(first.Select(a => a.Body)), "one key, one version");
            Assert.That(first.Select(a => a.Header), Is.EqualTo(first.Select(a => a.Body)));
            Assert.That(first.Select(a => a.Body).Distinct().Order(), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public async Task Promoting_the_canary_and_clearing_a_split_are_one_audited_call_each()
    {
        await SetAsync(new { version = 1, canary = new { version = 2, percent = 10 } });
        using var promote = await _api.Http.PostAsync($"{Production}/promote-canary", null);
        var promoted = await _api.GetObjectAsync(Production);
        await SetAsync(new { version = 1, shadow = new { version = 2 } });
        using var clear = await _api.Http.DeleteAsync($"{Production}/split");
        var cleared = await _api.GetObjectAsync(Production);
        var actions = (await _api.GetObjectAsync("/api/audit"))["items"]!.AsArray().Take(4).Select(e => (string?)e!["action"]);

        Assert.Multiple(() =>
        {
            Assert.That(promote.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((int)promoted["version"]!, promoted["canary"]), Is.EqualTo((2, (JsonNode?)null)));
            Assert.That(clear.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((int)cleared["version"]!, cleared["shadow"]), Is.EqualTo((1, (JsonNode?)null)));
            Assert.That(actions, Is.EqualTo(new[] { "model.split-clear", "model.promote", "model.canary-promote", "model.promote" }));
        });
    }

    [Test]
    public async Task Promoting_without_a_canary_is_a_conflict()
    {
        await SetAsync(new { version = 1 });

        using var response = await _api.Http.PostAsync($"{Production}/promote-canary", null);

        await ApiClient.ProblemAsync(response, HttpStatusCode.Conflict, "no-canary");
    }

    [TestCase("""{"version": 1, "canary": {"version": 2, "percent": 150}}""", HttpStatusCode.BadRequest, "invalid-canary-percent")]
    [TestCase("""{"version": 1, "canary": {"version": 2, "percent": -1}}""", HttpStatusCode.BadRequest, "invalid-canary-percent")]
    [TestCase("""{"version": 1, "canary": {"version": 2}}""", HttpStatusCode.BadRequest, "missing-canary-percent")]
    [TestCase("""{"version": 1, "canary": {"version": 1, "percent": 10}}""", HttpStatusCode.BadRequest, "canary-is-main")]
    [TestCase("""{"version": 1, "shadow": {"version": 1}}""", HttpStatusCode.BadRequest, "shadow-is-served")]
    [TestCase("""{"version": 1, "shadow": {}}""", HttpStatusCode.BadRequest, "invalid-shadow-version")]
    [TestCase("""{"version": 1, "canary": {"version": 3, "percent": 10}}""", HttpStatusCode.NotFound, "canary-version-not-found")]
    [TestCase("""{"version": 1, "canary": {"version": 9, "percent": 10}}""", HttpStatusCode.NotFound, "canary-version-not-found")]
    [TestCase("""{"version": 1, "shadow": {"version": 3}}""", HttpStatusCode.NotFound, "shadow-version-not-found")]
    public async Task A_bad_split_is_refused_with_its_error_code_and_leaves_the_alias_as_it_was(string body, HttpStatusCode status, string errorCode)
    {
        await SetAsync(new { version = 1, shadow = new { version = 2 } });

        using var response = await _api.Http.PutAsync(Production, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiClient.ProblemAsync(response, status, errorCode);
        var alias = await _api.GetObjectAsync(Production);

        Assert.That(((int)alias["version"]!, (int)alias["shadow"]!["version"]!), Is.EqualTo((1, 2)), problem.ToJsonString());
    }

    [Test]
    public async Task A_version_a_split_names_cannot_be_deleted()
    {
        await SetAsync(new { version = 1, shadow = new { version = 2 } });

        using var response = await _api.Http.DeleteAsync("/api/models/rule/versions/2");

        await ApiClient.ProblemAsync(response, HttpStatusCode.Conflict, "version-aliased");
    }

    [Test]
    public async Task A_scoring_process_started_after_the_split_routes_by_it_and_follows_its_clearing()
    {
        await SetAsync(new { version = 1, canary = new { version = 2, percent = 100 } });
        using var scoring = await ServerProcess.StartScoringAsync(_factory.DataDirectory, new Dictionary<string, string>
        {
            ["AutoMLPlatform:Scoring:ReloadPollInterval"] = "00:00:00.200",
        });
        using var other = scoring.Api();
        var routed = await PredictAsync(other, "customer-1");

        using var clear = await _api.Http.DeleteAsync($"{Production}/split");
        var cleared = await WaitForVersionAsync(other, "customer-1", 1);

        Assert.That((routed.Body, routed.Header, cleared), Is.EqualTo((2, 2, 1)));
    }

    private async Task SetAsync(object body)
    {
        using var response = await _api.Http.PutAsJsonAsync(Production, body);
        await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        // The platform's scoring endpoints reread aliases when the registry's revision moves (every 200 ms in tests).
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private Task<(int Body, int Header)> PredictAsync(string key) => PredictAsync(_api, key);

    private static async Task<(int Body, int Header)> PredictAsync(ApiClient api, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict/rule") { Content = new StringContent(Row, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Routing-Key", key);
        using var response = await api.Http.SendAsync(request);
        var answer = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);
        return ((int)answer["version"]!, int.Parse(response.Headers.GetValues("X-Model-Version").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<int> WaitForVersionAsync(ApiClient api, string key, int version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var (body, _) = await PredictAsync(api, key);
            if (body == version || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(100);
        }
    }
}
