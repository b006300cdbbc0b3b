using System.Net;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Models;

/// <summary>
/// The versions list pages with <c>?offset=&amp;limit=</c> for the console, and answers exactly as before without
/// them. Versions are registered straight into the registry: paging needs rows, not trained models.
/// </summary>
public class ModelVersionPagingTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;

    [OneTimeSetUp]
    public async Task ThreeVersions()
    {
        _factory = new PlatformFactory();
        _api = _factory.Api();
        var registry = _factory.Services.GetRequiredService<IModelRegistry>();
        for (var i = 1; i <= 3; i++)
        {
            await registry.RegisterAsync(new NewModelVersion(TenantId.Default, "paged", TaskKind.Regression, "y", MetricKind.Rmse,
                new Dictionary<string, double> { ["rmse"] = i }, [new ModelInputColumn("x", ColumnType.Numeric, false)], [],
                new ModelLineage(DatasetId.New(), 1, null, "Sdca", new Dictionary<string, object>()), new string((char)('a' + i), 64), 10),
                CancellationToken.None);
        }
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Without_offset_or_limit_every_version_comes_back_newest_first()
    {
        using var response = await _api.Http.GetAsync("/api/models/paged/versions");

        var versions = ApiClient.Json(await response.Content.ReadAsStringAsync()).EnumerateArray().Select(v => v.GetProperty("version").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(versions, Is.EqualTo(new[] { 3, 2, 1 }));
            Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("3"));
        });
    }

    [Test]
    public async Task Offset_and_limit_give_one_page_and_the_total()
    {
        using var response = await _api.Http.GetAsync("/api/models/paged/versions?offset=1&limit=1");

        var versions = ApiClient.Json(await response.Content.ReadAsStringAsync()).EnumerateArray().Select(v => v.GetProperty("version").GetInt32());
        Assert.Multiple(() =>
        {
            Assert.That(versions, Is.EqualTo(new[] { 2 }));
            Assert.That(response.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("3"));
        });
    }

    [Test]
    public async Task A_limit_beyond_the_maximum_is_refused()
    {
        using var response = await _api.Http.GetAsync("/api/models/paged/versions?limit=501");

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That((string?)problem["errorCode"], Is.EqualTo("invalid-limit"));
    }
}
