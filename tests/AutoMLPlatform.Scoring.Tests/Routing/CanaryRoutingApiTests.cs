using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Scoring.Routing;
using AutoMLPlatform.Scoring.Tests.PredictionLog;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Routing;

/// <summary>A split alias over real HTTP: three versions of <c>rule</c>, production at 1, its split set through the registry as the platform does.</summary>
[Category("Slow")]
[NonParallelizable]
public class CanaryRoutingApiTests
{
    private RunningScoringHost _scoring = null!;
    private IModelRegistry _registry = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(versions: 3);
        _registry = _scoring.Host.Services.GetRequiredService<IModelRegistry>();
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task Each_routing_key_is_answered_by_the_version_its_hash_picks_every_time_and_the_answer_says_which()
    {
        await SplitAsync(new AliasSplit(2, 30, null));
        var keys = Enumerable.Range(0, 60).Select(i => $"customer-{i}").ToArray();
        var expected = keys.Select(k => RoutingHash.Bucket("rule", ModelAliases.Production, k) < RoutingHash.BucketsFor(30) ? 2 : 1).ToArray();

        var first = await Task.WhenAll(keys.Select(PredictAsync));
        var second = await Task.WhenAll(keys.Select(PredictAsync));

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(a => a.Body), Is.EqualTo(expected));
            Assert.That(second.Select(a => a.Body), Is.EqualTo(expected), "the same key, the same version");
            Assert.That(first.Select(a => a.Header), Is.EqualTo(expected), "X-Model-Version names the version that answered");
            Assert.That(expected.Distinct().Order(), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public async Task Requests_without_a_routing_key_are_split_at_random()
    {
        await SplitAsync(new AliasSplit(2, 50, null));

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => PredictAsync(null)));

        Assert.That(answers.Select(a => a.Body).Distinct().Order(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task A_request_naming_a_version_is_never_split()
    {
        await SplitAsync(new AliasSplit(2, 100, 3));

        using var response = await _scoring.PostJsonAsync("/api/predict/rule?version=1", ScoringHost.Row);
        var answer = await ScoringHost.ReadObjectAsync(response);

        Assert.That((int)answer["version"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task A_csv_batch_through_the_alias_is_answered_by_one_version_named_in_its_header()
    {
        await SplitAsync(new AliasSplit(2, 100, null));
        using var content = new StringContent("x1,x2,color\n0.8,0.1,red\n0.2,0.5,blue\n", Encoding.UTF8, "text/csv");
        content.Headers.Add(RoutingHeaders.RoutingKey, "customer-1");

        using var response = await _scoring.Client.PostAsync("/api/predict/rule/batch", content);

        Assert.That(response.Headers.GetValues(RoutingHeaders.ModelVersion).Single(), Is.EqualTo("2"));
    }

    [Test]
    public async Task A_shadow_scores_every_row_into_the_log_marked_as_shadow_and_is_never_returned_and_feedback_labels_it_too()
    {
        await LoggedRows.SwitchOnAsync(_scoring.Client, "rule");
        await SplitAsync(new AliasSplit(null, 0, 3));
        var store = _scoring.Host.Services.GetRequiredService<IPredictionLogStore>();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await _scoring.PostJsonAsync("/api/predict/rule",
            """[{"x1": 0.8, "x2": 0.1, "color": "red"}, {"x1": 0.25, "x2": 0.5, "color": "blue"}, {"x1": 0.6, "x2": 0.3, "color": "green"}]""");
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonNode.Parse(text)!.AsObject();
        var ids = answer["predictions"]!.AsArray().Select(p => (string)p!["predictionId"]!).ToArray();
        var shadowRows = await WaitForRowsAsync(store, 3, since, 3);
        using var feedback = await _scoring.PostJsonAsync("/api/models/rule/feedback",
            "[" + string.Join(",", ids.Select(id => $$"""{"predictionId": "{{id}}", "label": "yes"}""")) + "]");
        feedback.EnsureSuccessStatusCode();
        var labelled = await store.ReadAsync(TenantId.Default, "rule", 3, since, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var stored = await store.FindVersionsAsync(TenantId.Default, "rule", ids.Select(PredictionId.Parse).ToArray(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((int)answer["version"]!, Is.EqualTo(1));
            Assert.That(response.Headers.GetValues(RoutingHeaders.ModelVersion).Single(), Is.EqualTo("1"));
            Assert.That(shadowRows, Has.Count.EqualTo(3), "the shadow scored each row");
            Assert.That(shadowRows.Select(r => r.Id.ToString()), Has.None.AnyOf(ids), "shadow rows have ids of their own");
            Assert.That(text, Does.Not.Contain(shadowRows[0].Id.ToString()), "nothing of the shadow reaches the answer");
            Assert.That(stored.Values, Is.All.EqualTo(1), "the answered rows are logged as version 1");
            Assert.That(labelled.Select(r => r.TrueLabel), Is.All.EqualTo("yes"), "feedback on an answer labels its shadow row");
        });
    }

    [Test]
    public async Task A_split_set_while_requests_flow_is_followed_without_a_restart()
    {
        await SplitAsync(AliasSplit.None);
        var before = await PredictAsync("customer-7");

        await _registry.SetAliasSplitAsync(TenantId.Default, "rule", ModelAliases.Production, 1, new AliasSplit(2, 100, null), CancellationToken.None);
        var after = await WaitForVersionAsync("customer-7", 2);

        Assert.That((before.Body, after), Is.EqualTo((1, 2)));
    }

    /// <summary>Sets production's split (at version 1) and waits until this host answers with it.</summary>
    private async Task SplitAsync(AliasSplit split)
    {
        if (split.IsNone)
        {
            await _registry.SetAliasAsync(TenantId.Default, "rule", ModelAliases.Production, 1, CancellationToken.None);
        }
        else
        {
            await _registry.SetAliasSplitAsync(TenantId.Default, "rule", ModelAliases.Production, 1, split, CancellationToken.None);
        }

        // The host rereads aliases when the registry's revision moves (every 100 ms here); a few poll intervals suffice.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
    }

    private async Task<int> WaitForVersionAsync(string key, int version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var answer = await PredictAsync(key);
            if (answer.Body == version || DateTime.UtcNow > deadline)
            {
                return answer.Body;
            }

            await Task.Delay(50);
        }
    }

    private async Task<(int Body, int Header)> PredictAsync(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict/rule") { Content = new StringContent(ScoringHost.Row, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(RoutingHeaders.RoutingKey, key);
        }

        using var response = await _scoring.Client.SendAsync(request);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((int)answer["version"]!, int.Parse(response.Headers.GetValues(RoutingHeaders.ModelVersion).Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<IReadOnlyList<LabelledPrediction>> WaitForRowsAsync(IPredictionLogStore store, int version, DateTimeOffset since, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await store.ReadAsync(TenantId.Default, "rule", version, since, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
            if (rows.Count >= count || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(50);
        }
    }
}
