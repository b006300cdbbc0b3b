using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoMLPlatform.Hosting.Health;

/// <summary>
/// Writes a health report as JSON listing every check. Ready: 200 with <c>status</c> and <c>checks</c>. Not ready: 503
/// as problem details (<c>errorCode</c> <c>not-ready</c>) whose <c>failing</c> names the checks that failed. The
/// endpoints are anonymous, so an exception's message (a host name and port, say) is not shown: only its type; the host's
/// log has the rest.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.Select(e => new CheckResponse(e.Key, e.Value.Status, Describe(e.Value), e.Value.Duration.TotalMilliseconds)).ToArray();
        var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToArray();
        if (failing.Length == 0)
        {
            return context.Response.WriteAsJsonAsync(new ReadyResponse(report.Status, checks), Json, context.RequestAborted);
        }

        var problem = new NotReadyResponse(
            Type: "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            Title: "Not ready.",
            Status: context.Response.StatusCode,
            Detail: $"Failing: {string.Join(", ", failing)}.",
            ErrorCode: "not-ready",
            Failing: failing,
            Checks: checks);
        return context.Response.WriteAsJsonAsync(problem, Json, "application/problem+json", context.RequestAborted);
    }

    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is { } exception ? $"The check failed with {exception.GetType().Name}." : entry.Description;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        PlatformJson.Configure(options);
        return options;
    }

    private sealed record CheckResponse(string Name, HealthStatus Status, string? Description, double DurationMs);

    private sealed record ReadyResponse(HealthStatus Status, IReadOnlyList<CheckResponse> Checks);

    private sealed record NotReadyResponse(string Type, string Title, int Status, string Detail, string ErrorCode, IReadOnlyList<string> Failing,
        IReadOnlyList<CheckResponse> Checks);
}
