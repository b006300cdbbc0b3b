using System.Net;
using System.Text;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Pretrained;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Models;

/// <summary>
/// Models that run a pretrained network are registry versions like any other: their packages name the encoder and its
/// hash instead of carrying 90 MB of weights, and the scoring host serves them (JSON, CSV, explanations, drift, alias moves)
/// over the one encoder it loads.
/// </summary>
[Category("Slow")]
public sealed class PretrainedModelScoringTests
{
    private ModelVersion[] _versions = null!;
    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _scoring = await RunningScoringHost.StartAsync(async stores =>
    {
        using var networks = new PretrainedNetworks();
        _versions = [await RegisteredPretrainedModels.SemanticAsync(stores, networks, "meaning", seed: 1), await RegisteredPretrainedModels.SemanticAsync(stores, networks, "meaning", seed: 2)];
    });

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public void Two_versions_store_two_small_packages_and_no_copy_of_the_network()
    {
        var largest = _scoring.LargestStoredFileBytes();

        Assert.Multiple(() =>
        {
            Assert.That(_versions.Select(v => v.ArtifactSha256).Distinct(), Has.Exactly(2).Items);
            Assert.That(_versions.Select(v => v.ArtifactSizeBytes), Has.All.LessThan(1 << 20));
            Assert.That(largest, Is.LessThan(10 << 20), "no stored file is anywhere near the 90 MB network");
        });
    }

    [Test]
    public async Task Both_versions_predict_by_meaning_over_the_one_encoder_the_host_loaded()
    {
        using var first = await _scoring.PostJsonAsync("/api/predict/meaning?version=1", """{"text": "a bowl of spaghetti"}""");
        using var second = await _scoring.PostJsonAsync("/api/predict/meaning?version=2", """{"text": "a red sports car"}""");
        var networks = _scoring.Host.Services.GetRequiredService<PretrainedNetworks>();

        Assert.Multiple(async () =>
        {
            Assert.That((string?)(await ScoringHost.ReadObjectAsync(first))["predictedLabel"], Is.EqualTo("food"));
            Assert.That((string?)(await ScoringHost.ReadObjectAsync(second))["predictedLabel"], Is.EqualTo("vehicle"));
            Assert.That(networks.LoadedCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_csv_batch_of_texts_is_predicted_row_for_row()
    {
        using var response = await _scoring.Client.PostAsync("/api/predict/meaning/batch", new StringContent("text\nsome grilled salmon\nan old steam locomotive\n", Encoding.UTF8, "text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(lines[1], Does.StartWith("some grilled salmon,food"));
            Assert.That(lines[2], Does.StartWith("an old steam locomotive,vehicle"));
        });
    }

    [Test]
    public async Task An_explanation_gives_the_text_column_its_contribution()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/meaning?version=1&explain=true", """{"text": "a slice of cheesecake"}""");
        var explanation = (await ScoringHost.ReadObjectAsync(response))["explanation"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(explanation["contributions"]!.AsObject().Select(c => c.Key), Is.EqualTo(new[] { "text" }));
        });
    }

    [Test]
    public async Task Drift_is_reported_for_the_text_column_of_a_model_on_embeddings()
    {
        using var predicted = await _scoring.PostJsonAsync("/api/predict/meaning?version=1", """[{"text": "a plate of nachos"}, {"text": "a small fishing boat"}]""");

        using var response = await _scoring.Client.GetAsync("/api/models/meaning/versions/1/drift");
        var drift = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((predicted.StatusCode, response.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(drift["columns"]!.AsArray().Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "text" }));
        });
    }

    [Test]
    public async Task Moving_the_production_alias_serves_the_other_version()
    {
        var registry = _scoring.Host.Services.GetRequiredService<IModelRegistry>();
        await registry.SetAliasAsync(TenantId.Default, "meaning", ModelAliases.Production, 2, CancellationToken.None);

        var served = await PollAsync(async () =>
        {
            using var response = await _scoring.PostJsonAsync("/api/predict/meaning", """{"text": "a bowl of cherries"}""");
            return (await ScoringHost.ReadObjectAsync(response))["version"]?.ToJsonString();
        }, "2");

        Assert.That(served, Is.EqualTo("2"));
    }

    private static async Task<string?> PollAsync(Func<Task<string?>> read, string wanted)
    {
        string? value = null;
        for (var i = 0; i < 100 && value != wanted; i++)
        {
            value = await read();
            if (value != wanted)
            {
                await Task.Delay(100);
            }
        }

        return value;
    }
}
