using System.Reflection;
using System.Text.Json;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Tests.Http;

/// <summary>
/// Keeps the client in step with the server: every route of the server's OpenAPI document is one the client calls
/// (<see cref="ApiRoutes"/>) or one it leaves out on purpose, for the reason given here.
/// </summary>
public class OpenApiCoverageTests
{
    /// <summary>Routes the client does not wrap, and why.</summary>
    private static readonly Dictionary<string, string> LeftOut = new()
    {
        // The Open Inference Protocol (KServe v2) is there for inference servers' own clients and gateways, which speak
        // it already; .NET callers get the same predictions through /api/predict, typed.
        ["GET /v2"] = "Open Inference Protocol server metadata",
        ["GET /v2/health/live"] = "Open Inference Protocol liveness, for orchestrators",
        ["GET /v2/health/ready"] = "Open Inference Protocol readiness, for orchestrators",
        ["GET /v2/models/{name}"] = "Open Inference Protocol model metadata",
        ["GET /v2/models/{name}/ready"] = "Open Inference Protocol model readiness",
        ["POST /v2/models/{name}/infer"] = "Open Inference Protocol inference (tensors)",
        ["GET /v2/models/{name}/versions/{version}"] = "Open Inference Protocol model metadata",
        ["GET /v2/models/{name}/versions/{version}/ready"] = "Open Inference Protocol model readiness",
        ["POST /v2/models/{name}/versions/{version}/infer"] = "Open Inference Protocol inference (tensors)",
        ["GET /api/bootstrap-key-file"] = "where the first admin key's file is, for the console's sign-in page on the server's machine; a client has its key",
        ["GET /v2/models/all-MiniLM-L6-v2"] = "Open Inference Protocol metadata of the sentence encoder (the client has EmbedAsync)",
        ["GET /v2/models/all-MiniLM-L6-v2/ready"] = "Open Inference Protocol readiness of the sentence encoder",
        ["POST /v2/models/all-MiniLM-L6-v2/infer"] = "Open Inference Protocol inference of the sentence encoder (the client has EmbedAsync)",
        ["GET /v2/models/all-MiniLM-L6-v2/versions/1"] = "Open Inference Protocol metadata of the sentence encoder",
        ["GET /v2/models/all-MiniLM-L6-v2/versions/1/ready"] = "Open Inference Protocol readiness of the sentence encoder",
        ["POST /v2/models/all-MiniLM-L6-v2/versions/1/infer"] = "Open Inference Protocol inference of the sentence encoder (the client has EmbedAsync)",
    };

    [Test]
    public async Task Every_route_of_the_servers_openapi_document_is_called_by_the_client_or_left_out_with_a_reason()
    {
        using var host = new PlatformHost();
        using var http = host.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var served = Routes(document).ToHashSet(StringComparer.Ordinal);
        var missing = served.Except(ClientRoutes()).Except(LeftOut.Keys).Order(StringComparer.Ordinal).ToArray();

        Assert.That(missing, Is.Empty, "routes the client lacks: add them to ApiRoutes with a call, or to LeftOut with a reason");
    }

    [Test]
    public async Task The_client_calls_no_route_the_server_does_not_serve_and_leaves_out_none_it_serves_no_more()
    {
        using var host = new PlatformHost();
        using var http = host.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var served = Routes(document).ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(ClientRoutes().Where(r => !served.Contains(r)), Is.Empty, "client routes the server does not serve");
            Assert.That(LeftOut.Keys.Where(r => !served.Contains(r)), Is.Empty, "left-out routes the server no longer serves");
        });
    }

    private static IEnumerable<string> Routes(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"));

    private static IEnumerable<string> ClientRoutes() =>
        typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (ApiRoute)f.GetValue(null)!)
            .Select(r => r.ToString());
}
