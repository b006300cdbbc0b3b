using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Insight.Quality;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoMLPlatform.Scoring.Quality;

/// <summary>
/// <c>GET /api/models/{name}/versions/{v}/quality?from=&amp;to=&amp;window=hour|day</c>: live metrics of a version over
/// its logged predictions with feedback, for the whole range (by default the last 7 days) and per window.
/// </summary>
public static class QualityEndpoints
{
    /// <summary>Most windows one answer holds (a year of days, or about 40 days of hours).</summary>
    public const int MaxWindows = 1000;

    public static IEndpointRouteBuilder MapQualityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/models/{name}/versions/{version:int}/quality", GetAsync)
            .WithTags("Feedback")
            .RequireScope(ApiScopeNames.Read)
            .WithSummary("Live quality of a version: the task's metrics over predictions with feedback, the labelled share and the prediction distribution, in total and per hour or day (default: the last 7 days by day).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Ok<QualityResponse>> GetAsync(string name, int version, DateTimeOffset? from, DateTimeOffset? to, string? window,
        IModelRegistry registry, IPredictionLogStore store, ICurrentTenant tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var step = (window ?? "day").ToLowerInvariant() switch
        {
            "hour" => TimeSpan.FromHours(1),
            "day" => TimeSpan.FromDays(1),
            _ => throw new InvalidInputException("invalid-window", "window must be hour or day.", "window"),
        };
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - TimeSpan.FromDays(7);
        if (start >= end)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidRange, "from must be before to.", "from");
        }

        if ((end - start) / step > MaxWindows)
        {
            throw new InvalidInputException("too-many-windows", $"The range holds more than {MaxWindows} windows of a {window ?? "day"}; narrow it or use day.", "window");
        }

        var found = await registry.FindVersionAsync(tenant.Id, name, version, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Version(name, version);
        var rows = await store.ReadAsync(tenant.Id, found.ModelName, version, start, end, cancellationToken).ConfigureAwait(false);
        var windows = new List<QualityWindow>();
        var next = 0;
        for (var windowStart = start; windowStart < end; windowStart += step)
        {
            var windowEnd = windowStart + step < end ? windowStart + step : end;
            var first = next;
            while (next < rows.Count && rows[next].PredictedAt < windowEnd)
            {
                next++;
            }

            windows.Add(QualityCalculator.Compute(found, rows.Skip(first).Take(next - first).ToArray(), windowStart, windowEnd));
        }

        return TypedResults.Ok(new QualityResponse(found.ModelName, version, found.Task, step == TimeSpan.FromHours(1) ? "hour" : "day",
            QualityCalculator.Compute(found, rows, start, end), windows));
    }
}
