using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Access;

/// <summary>
/// Walks the server's whole route table, so an endpoint added later cannot forget access control: every endpoint that
/// is not explicitly anonymous answers 401 without a key and 403 to a key lacking its scope, and another tenant's
/// resources answer exactly as resources that do not exist.
/// </summary>
[Category("Slow")]
public class RouteTableSecurityTests
{
    private static readonly Dictionary<string, string> WeakerKeyFor = new()
    {
        ["scope:read"] = "predict",
        ["scope:predict"] = "read",
        ["scope:feedback"] = "predict",
        ["scope:train"] = "read",
        ["scope:admin"] = "train",
        ["system-admin"] = "admin",
    };

    private PlatformFactory _factory = null!;
    private ApiClient _owner = null!;
    private ApiClient _other = null!;
    private string _otherKey = null!;
    private Dictionary<string, string> _ownerValues = null!;
    private List<(string Method, string Pattern, string[] Policies)> _routes = null!;

    [OneTimeSetUp]
    public async Task OwnerResourcesAndAnotherTenant()
    {
        _factory = new PlatformFactory();
        _owner = _factory.Api();
        using var created = await _owner.PostJsonAsync("/api/tenants", new { name = "other" });
        _otherKey = (string)(await ApiClient.ReadObjectAsync(created, HttpStatusCode.Created))["adminKey"]!["key"]!;
        _other = _factory.Api(_otherKey);

        var dataset = await _owner.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await _owner.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 60, maxTrials = 1, modelName = "rule" });
        await _owner.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));
        using var pipeline = await _owner.PostJsonAsync("/api/pipelines", new
        {
            name = "nightly", dataset = "rule", label = "y", timeBudgetSeconds = 5, modelName = "rule",
            schedule = new { cron = "0 3 * * *", timeZone = "UTC" },
        });
        await ApiClient.ReadObjectAsync(pipeline, HttpStatusCode.Created);
        var keys = JsonNode.Parse(await _owner.Http.GetStringAsync("/api/keys"))!.AsArray();
        _ownerValues = new()
        {
            ["/api/datasets/{id}"] = (string)dataset["id"]!,
            ["/api/jobs/{id}"] = (string)job["id"]!,
            ["/api/keys/{id}"] = (string)keys[0]!["id"]!,
            ["{name}"] = "rule",
            ["{model}"] = "rule",
            ["/api/pipelines/{name}"] = "nightly",
        };

        _routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
                (method, "/" + e.RoutePattern.RawText!.Trim('/'), e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToArray())))
            .ToList();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _other.Dispose();
        _owner.Dispose();
        _factory.Dispose();
    }

    [Test]
    public void The_route_table_is_seen_whole()
    {
        Assert.That(_routes.Select(r => r.Pattern), Is.SupersetOf(new[] { "/api/datasets", "/api/jobs/{id}", "/api/predict/{model}", "/api/pipelines/{name}/run", "/api/keys" }));
    }

    [Test]
    public async Task Every_endpoint_not_marked_anonymous_answers_401_without_a_key()
    {
        using var anonymous = _factory.Api(key: null);
        var answers = new List<string>();

        foreach (var (method, pattern, _) in _routes)
        {
            using var response = await SendAsync(anonymous, method, Fill(pattern, random: true));
            answers.Add($"{method} {pattern} -> {(int)response.StatusCode}");
        }

        Assert.That(answers.Where(a => !a.EndsWith("401", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Every_scoped_endpoint_answers_403_to_a_key_without_its_scope()
    {
        var failures = new List<string>();
        foreach (var (method, pattern, policies) in _routes.Where(r => r.Policies.Length > 0))
        {
            // The strictest policy on the endpoint decides which weaker key must be refused.
            var policy = policies.OrderBy(p => Array.IndexOf(WeakerKeyFor.Keys.ToArray(), p)).Last();
            // A system-wide call must refuse even another tenant's admin; a scoped one, a key of the owner without the scope.
            using var weak = policy == "system-admin" ? _factory.Api(_otherKey) : await KeyWithScopeAsync(_owner, WeakerKeyFor[policy]);
            using var response = await SendAsync(weak, method, Fill(pattern, random: true));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {pattern} ({policy}, tried {WeakerKeyFor[policy]}) -> {(int)response.StatusCode}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_endpoint_requires_a_scope_or_is_system_wide()
    {
        Assert.That(_routes.Where(r => r.Policies.Length == 0).Select(r => $"{r.Method} {r.Pattern}"), Is.Empty);
    }

    [Test]
    public async Task Another_tenants_resources_answer_exactly_like_missing_ones()
    {
        var differences = new List<string>();
        foreach (var (method, pattern, _) in _routes.Where(r => r.Pattern.Contains('{') && !r.Policies.Contains("system-admin")))
        {
            using var theirs = await SendAsync(_other, method, Fill(pattern, random: false));
            using var missing = await SendAsync(_other, method, Fill(pattern, random: true));
            var (theirStatus, theirCode) = await StatusAndCodeAsync(theirs);
            var (missingStatus, missingCode) = await StatusAndCodeAsync(missing);
            if (theirStatus != missingStatus || theirCode != missingCode || (method == "GET" && theirStatus != 404))
            {
                differences.Add($"{method} {pattern}: owner's {theirStatus} {theirCode}, missing {missingStatus} {missingCode}");
            }
        }

        Assert.That(differences, Is.Empty);
    }

    private string Fill(string pattern, bool random)
    {
        var path = pattern;
        foreach (var (prefix, value) in _ownerValues.Where(v => v.Key.StartsWith('/')).OrderByDescending(v => v.Key.Length))
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = (random ? prefix.Replace(prefix[(prefix.LastIndexOf('{'))..], Guid.NewGuid().ToString(), StringComparison.Ordinal)
                    : prefix.Replace(prefix[(prefix.LastIndexOf('{'))..], value, StringComparison.Ordinal)) + path[prefix.Length..];
            }
        }

        return path
            .Replace("{name}", random ? "missing-model" : _ownerValues["{name}"], StringComparison.Ordinal)
            .Replace("{model}", random ? "missing-model" : _ownerValues["{model}"], StringComparison.Ordinal)
            .Replace("{version:int}", "1", StringComparison.Ordinal).Replace("{version}", "1", StringComparison.Ordinal)
            .Replace("{alias}", "production", StringComparison.Ordinal)
            .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(ApiClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = path.EndsWith("/batch", StringComparison.Ordinal)
                ? new StringContent("x1,x2,color\n0.1,0.2,red\n", Encoding.UTF8, "text/csv")
                : new StringContent(path.Contains("/predict/", StringComparison.Ordinal) || path.EndsWith("/infer", StringComparison.Ordinal)
                    ? """{"x1": 0.1, "x2": 0.2, "color": "red"}""" : """{"version": 1}""", Encoding.UTF8, "application/json");
        }

        return client.Http.SendAsync(request);
    }

    private static async Task<(int Status, string? Code)> StatusAndCodeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var code = text.StartsWith('{') ? (string?)JsonNode.Parse(text)?["errorCode"] : null;
        return ((int)response.StatusCode, code);
    }

    private async Task<ApiClient> KeyWithScopeAsync(ApiClient admin, string scope)
    {
        using var response = await admin.Http.PostAsJsonAsync("/api/keys", new { name = scope, scopes = new[] { scope } });
        return _factory.Api((string)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created))["key"]!);
    }
}
