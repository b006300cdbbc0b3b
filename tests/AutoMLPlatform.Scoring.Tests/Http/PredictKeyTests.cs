using System.Net;
using System.Net.Http.Headers;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Keys;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Http;

/// <summary>The key check on the prediction path, through the validator's cache and the principal kept per caller.</summary>
[Category("Slow")]
public class PredictKeyTests
{
    private TempDirectory _directory = null!;
    private ScoringHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _directory = new TempDirectory();
        _host = await ScoringHost.StartAsync(_directory, settings: new() { ["AutoMLPlatform:Security:KeyCacheDuration"] = "00:00:00.200" });
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _host.Dispose();
        _directory.Dispose();
    }

    [Test]
    public async Task A_revoked_predict_key_is_refused_once_the_key_cache_duration_has_passed()
    {
        var (key, stored) = await CreateKeyAsync(TenantId.Default);
        using var client = Client(key);
        using var before = await _host.PostJsonAsync(client, "/api/predict/rule", ScoringHost.Row);
        using var cached = await _host.PostJsonAsync(client, "/api/predict/rule", ScoringHost.Row);

        await _host.Services.GetRequiredService<IApiKeyStore>().RevokeAsync(TenantId.Default, stored.Id, DateTimeOffset.UtcNow, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        using var after = await _host.PostJsonAsync(client, "/api/predict/rule", ScoringHost.Row);

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Each_cached_key_predicts_as_its_own_tenant()
    {
        var other = TenantId.New();
        await _host.Services.GetRequiredService<ITenantStore>().TryCreateAsync(new Tenant(other, "other", DateTimeOffset.UtcNow), CancellationToken.None);
        using var system = Client((await CreateKeyAsync(TenantId.Default)).Key);
        using var stranger = Client((await CreateKeyAsync(other)).Key);

        using var own = await _host.PostJsonAsync(system, "/api/predict/rule", ScoringHost.Row);
        using var foreign = await _host.PostJsonAsync(stranger, "/api/predict/rule", ScoringHost.Row);
        using var ownAgain = await _host.PostJsonAsync(system, "/api/predict/rule", ScoringHost.Row);

        var foreignProblem = await ScoringHost.ReadObjectAsync(foreign);

        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((foreign.StatusCode, (string?)foreignProblem["errorCode"]), Is.EqualTo((HttpStatusCode.NotFound, "model-not-found")),
                "the other tenant has no model 'rule'");
            Assert.That(ownAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private async Task<(string Key, ApiKey Stored)> CreateKeyAsync(TenantId tenant)
    {
        var (key, stored) = ApiKeyFactory.Create(tenant, "client", ApiScopes.Predict, DateTimeOffset.UtcNow, null);
        await _host.Services.GetRequiredService<IApiKeyStore>().TryCreateAsync(stored, CancellationToken.None);
        return (key, stored);
    }

    private HttpClient Client(string key)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
