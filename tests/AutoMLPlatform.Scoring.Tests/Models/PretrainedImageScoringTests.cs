using System.Net;
using System.Text;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Models;

/// <summary>
/// Image models on ResNet18 features are registry versions like any other: their packages name the network and its
/// hash instead of carrying its 63 MB, and the scoring host serves them over the one network it loads.
/// </summary>
[Category("Slow")]
public sealed class PretrainedImageScoringTests
{
    private ModelVersion[] _versions = null!;
    private RunningScoringHost _scoring = null!;
    private IReadOnlyList<(string Class, string Name, byte[] Bytes)> _digits = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(async stores =>
        {
            using var networks = new PretrainedNetworks();
            _versions = [await RegisteredTorchModels.ResNetDigitsAsync(stores, networks, "digits", seed: 1), await RegisteredTorchModels.ResNetDigitsAsync(stores, networks, "digits", seed: 2)];
        });
        _digits = SharedImages.Read("digits", "test", perClass: 1);
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public void Two_versions_store_two_small_packages_and_no_copy_of_the_network()
    {
        var largest = _scoring.LargestStoredFileBytes();

        Assert.Multiple(() =>
        {
            Assert.That(_versions.Select(v => v.ArtifactSha256).Distinct(), Has.Exactly(2).Items);
            Assert.That(_versions.Select(v => v.ArtifactSizeBytes), Has.All.LessThan(200_000));
            Assert.That(largest, Is.LessThan(10 << 20), "no stored file is anywhere near the 63 MB network");
        });
    }

    [Test]
    public async Task Both_versions_predict_a_digit_over_the_one_network_the_host_loaded()
    {
        var image = Convert.ToBase64String(_digits.Single(d => d.Class == "3").Bytes);

        using var first = await _scoring.PostJsonAsync("/api/predict/digits?version=1", $$"""{"image": "{{image}}"}""");
        using var second = await _scoring.PostJsonAsync("/api/predict/digits?version=2", $$"""{"image": "{{image}}"}""");
        var networks = _scoring.Host.Services.GetRequiredService<PretrainedNetworks>();

        Assert.Multiple(async () =>
        {
            Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That((string?)(await ScoringHost.ReadObjectAsync(first))["predictedLabel"], Is.AnyOf([.. Enumerable.Range(0, 10).Select(i => $"{i}")]));
            Assert.That(networks.IsResNet18Loaded && networks.LoadedCount == 1, Is.True);
        });
    }

    [Test]
    public async Task A_csv_batch_of_images_is_predicted_row_for_row()
    {
        var csv = "image\n" + string.Join('\n', _digits.Take(3).Select(d => Convert.ToBase64String(d.Bytes))) + "\n";

        using var response = await _scoring.Client.PostAsync("/api/predict/digits/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(lines, Has.Length.EqualTo(4), "a header and three rows");
        });
    }

    [Test]
    public async Task A_picture_over_the_pixel_limit_is_refused_with_413_before_decoding()
    {
        var bomb = Convert.ToBase64String(HostileInputs.BlackPng(30_000, 30_000));

        using var response = await _scoring.PostJsonAsync("/api/predict/digits", $$"""{"image": "{{bomb}}"}""");
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(problem, Does.Contain("image-too-large"));
        });
    }
}
