using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Server.Tests;

/// <summary>Talks to the platform over HTTP the way a user's script would.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> UploadAsync(string fileName, byte[] content, string? name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        return Http.PostAsync("/api/datasets", form);
    }

    public Task<HttpResponseMessage> UploadAsync(string fileName, string csv, string? name) => UploadAsync(fileName, Encoding.UTF8.GetBytes(csv), name);

    /// <summary>An upload with the <c>mode</c> form field (<c>replace</c> or <c>append</c>).</summary>
    public Task<HttpResponseMessage> UploadWithModeAsync(string fileName, string csv, string name, string mode)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent(mode), "mode");
        return Http.PostAsync("/api/datasets", form);
    }

    public async Task<JsonObject> UploadOkAsync(string fileName, string csv, string name)
    {
        using var response = await UploadAsync(fileName, csv, name);
        return await ReadObjectAsync(response, HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostRawJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonObject> SubmitJobAsync(object body)
    {
        using var response = await PostJsonAsync("/api/jobs", body);
        return await ReadObjectAsync(response, HttpStatusCode.Accepted);
    }

    public async Task<JsonObject> GetObjectAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await ReadObjectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Polls the job until it ends (or <paramref name="limit"/> passes) and returns its last state.</summary>
    public async Task<JsonObject> WaitForJobAsync(string id, TimeSpan limit, params string[] statuses)
    {
        string[] until = statuses.Length > 0 ? statuses : ["succeeded", "failed", "cancelled"];
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var job = await GetObjectAsync($"/api/jobs/{id}");
            if (until.Contains((string?)job["status"]))
            {
                return job;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new AssertionException($"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// The problem details of an error response, asserting it is one with the expected status and, when given, error
    /// code. A 404 must name its code: a route that does not exist answers 404 (<c>not-found</c>) too, so the status
    /// alone cannot tell a missing object from a renamed route.
    /// </summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? errorCode = null)
    {
        if (expected == HttpStatusCode.NotFound && errorCode is null)
        {
            Assert.Fail("Name the errorCode a 404 must carry: an unmatched route is a 404 too.");
        }

        var problem = await ReadObjectAsync(response, expected);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((int?)problem["status"], Is.EqualTo((int)expected));
            if (errorCode is not null)
            {
                Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode), problem.ToJsonString());
            }
        });
        return problem;
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    public void Dispose() => Http.Dispose();
}
