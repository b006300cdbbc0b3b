using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Models;

[Category("Slow")]
public class TorchModelScoringTests
{
    [Test]
    public async Task A_registered_Torch_text_model_predicts_class_names_and_probabilities_from_a_JSON_row()
    {
        await using var stores = await StartAsync();
        await RegisteredTorchModels.TextAsync(stores, "reviews");
        var cache = stores.Services.GetRequiredService<ModelCache>();

        using var lease = await cache.AcquireAsync(TenantId.Default, "reviews", ModelSelector.Production, CancellationToken.None);
        var good = lease.Model.PredictJson("""{"review": "love it, great and fresh, i recommend it"}""");
        var bad = lease.Model.PredictJson("""{"review": "awful, stale and broken, i want a refund"}""");

        Assert.Multiple(() =>
        {
            Assert.That(good.Label, Is.EqualTo("good"));
            Assert.That(bad.Label, Is.EqualTo("bad"));
            Assert.That(good.Probabilities![1], Is.GreaterThan(0.5f));
            Assert.That(good.Probabilities.Sum(), Is.EqualTo(1f).Within(1e-5));
        });
    }

    [Test]
    public async Task A_Torch_text_model_that_won_an_AutoML_search_predicts_class_names_and_probabilities_from_a_JSON_row()
    {
        await using var stores = await StartAsync();
        await RegisteredTorchModels.SearchedTextAsync(stores, "searched");
        var cache = stores.Services.GetRequiredService<ModelCache>();

        using var lease = await cache.AcquireAsync(TenantId.Default, "searched", ModelSelector.Production, CancellationToken.None);
        var good = lease.Model.PredictJson("""{"review": "love it, great and fresh, i recommend it"}""");
        var bad = lease.Model.PredictJson("""{"review": "awful, stale and broken, i want a refund"}""");

        Assert.Multiple(() =>
        {
            Assert.That(lease.Model.Manifest.Parts.Select(p => p.Kind), Is.EqualTo(new[] { "torch-text-classifier" }));
            Assert.That(good.Label, Is.EqualTo("good"));
            Assert.That(bad.Label, Is.EqualTo("bad"));
            Assert.That(good.Probabilities![1], Is.GreaterThan(0.5f));
        });
    }

    [Test]
    public async Task A_registered_Torch_image_model_predicts_from_a_base64_image()
    {
        await using var stores = await StartAsync();
        await RegisteredTorchModels.ImageAsync(stores, "blobs");
        var cache = stores.Services.GetRequiredService<ModelCache>();
        var left = Convert.ToBase64String(TestImages.Blob("left", new Random(4)));

        using var lease = await cache.AcquireAsync(TenantId.Default, "blobs", ModelSelector.Production, CancellationToken.None);
        var prediction = lease.Model.PredictJson($$"""{"image": "{{left}}"}""");

        Assert.Multiple(() =>
        {
            Assert.That(prediction.Label, Is.EqualTo("left"));
            Assert.That(prediction.Probabilities, Has.Length.EqualTo(3));
        });
    }

    [Test]
    public async Task An_image_that_is_not_base64_is_an_input_error()
    {
        await using var stores = await StartAsync();
        await RegisteredTorchModels.ImageAsync(stores, "blobs");
        var cache = stores.Services.GetRequiredService<ModelCache>();

        using var lease = await cache.AcquireAsync(TenantId.Default, "blobs", ModelSelector.Production, CancellationToken.None);

        Assert.Throws<InvalidInputException>(() => lease.Model.PredictJson("""{"image": "this is not an image"}"""));
    }

    private static Task<PlatformStores> StartAsync() => PlatformStores.StartAsync(configure: services => services.AddScoring());
}
