using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Server.Tests.Access;

public class ApiKeyTests
{
    private PlatformFactory _factory = null!;
    private ApiClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new PlatformFactory(new() { ["AutoMLPlatform:Security:KeyCacheDuration"] = "00:00:00.200" });
        _admin = _factory.Api();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _admin.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_request_without_a_key_answers_401_problem_details()
    {
        using var anonymous = _factory.Api(key: null);

        using var response = await anonymous.Http.GetAsync("/api/datasets");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("unauthenticated"));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("Bearer"));
        });
    }

    [TestCase("Bearer short")]
    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer amlp_this-key-was-never-issued-by-anyone-here-0000000")]
    public async Task A_malformed_or_unknown_key_answers_401(string authorization)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.GetAsync("/api/datasets");

        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_repeated_or_oversized_authorization_header_answers_401()
    {
        using var repeated = _factory.CreateClient();
        repeated.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {PlatformFactory.AdminKey}");
        repeated.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", PlatformFactory.AdminKey);
        using var oversized = _factory.CreateClient();
        oversized.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", new string('k', 5000));

        using var first = await repeated.GetAsync("/api/datasets");
        using var second = await oversized.GetAsync("/api/datasets");

        Assert.Multiple(async () =>
        {
            await ApiClient.ProblemAsync(first, HttpStatusCode.Unauthorized);
            await ApiClient.ProblemAsync(second, HttpStatusCode.Unauthorized);
        });
    }

    [Test]
    public async Task The_x_api_key_header_is_accepted_too()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", PlatformFactory.AdminKey);

        using var response = await client.GetAsync("/api/datasets");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_predict_key_cannot_train_and_a_read_key_cannot_upload()
    {
        using var predictor = _factory.Api(await CreateKeyAsync("predict"));
        using var reader = _factory.Api(await CreateKeyAsync("read"));

        using var train = await predictor.PostJsonAsync("/api/jobs", new { datasetId = Guid.NewGuid(), label = "y" });
        using var upload = await reader.UploadAsync("t.csv", "a,b\n1,2\n", "x");
        using var list = await reader.Http.GetAsync("/api/datasets");

        Assert.Multiple(async () =>
        {
            Assert.That((string?)(await ApiClient.ProblemAsync(train, HttpStatusCode.Forbidden))["detail"], Does.Contain("'train'"));
            await ApiClient.ProblemAsync(upload, HttpStatusCode.Forbidden);
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_created_key_is_shown_once_and_listed_without_its_secret()
    {
        using var response = await _admin.PostJsonAsync("/api/keys", new { name = "ci", scopes = new[] { "train" } });
        var created = await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created);
        var listed = await _admin.Http.GetStringAsync("/api/keys");

        Assert.Multiple(() =>
        {
            Assert.That((string?)created["key"], Does.StartWith("amlp_"));
            Assert.That(listed, Does.Contain((string?)created["id"]).And.Not.Contain((string?)created["key"]));
        });
    }

    [Test]
    public async Task A_revoked_key_stops_working_within_a_second()
    {
        var key = await CreateKeyAsync("read");
        using var client = _factory.Api(key);
        using var before = await client.Http.GetAsync("/api/datasets");
        var id = (string)JsonNode.Parse(await _admin.Http.GetStringAsync("/api/keys"))!.AsArray().Last()!["id"]!;

        using var revoke = await _admin.Http.DeleteAsync($"/api/keys/{id}");
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        using var after = await client.Http.GetAsync("/api/datasets");

        Assert.Multiple(async () =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await ApiClient.ProblemAsync(after, HttpStatusCode.Unauthorized);
        });
    }

    [Test]
    public async Task An_expired_key_answers_401()
    {
        using var response = await _admin.PostJsonAsync("/api/keys", new { name = "brief", scopes = new[] { "read" }, expiresAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        var key = (string)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created))["key"]!;
        using var client = _factory.Api(key);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var after = await client.Http.GetAsync("/api/datasets");

        await ApiClient.ProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [TestCase("[\"root\"]")]
    [TestCase("[]")]
    public async Task A_key_with_unknown_or_no_scopes_is_refused(string scopes)
    {
        using var response = await _admin.PostRawJsonAsync("/api/keys", $$"""{"name": "x", "scopes": {{scopes}}}""");

        await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_non_admin_key_cannot_create_keys()
    {
        using var trainer = _factory.Api(await CreateKeyAsync("train"));

        using var response = await trainer.PostJsonAsync("/api/keys", new { name = "x", scopes = new[] { "admin" } });

        await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Health_and_liveness_need_no_key()
    {
        using var anonymous = _factory.Api(key: null);

        using var alive = await anonymous.Http.GetAsync("/alive");

        Assert.That(alive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<string> CreateKeyAsync(string scope)
    {
        using var response = await _admin.Http.PostAsJsonAsync("/api/keys", new { name = scope, scopes = new[] { scope } });
        return (string)(await ApiClient.ReadObjectAsync(response, HttpStatusCode.Created))["key"]!;
    }
}
