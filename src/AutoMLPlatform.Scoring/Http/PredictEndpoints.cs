using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Scoring.Batch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Http;

/// <summary><c>POST /api/predict/{model}</c> (JSON, one object or an array) and <c>POST /api/predict/{model}/batch</c> (CSV stream).</summary>
public static class PredictEndpoints
{
    public static IEndpointRouteBuilder MapPredictEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Handlers are singletons resolved once here, so a request pays for no service lookups beyond its tenant.
        var json = endpoints.ServiceProvider.GetRequiredService<JsonPredictHandler>();
        var explaining = endpoints.ServiceProvider.GetRequiredService<ExplainPredictHandler>();
        var csv = endpoints.ServiceProvider.GetRequiredService<CsvBatchHandler>();
        endpoints.MapPost("/api/predict/{model}", (string model, int? version, string? alias, bool? explain, HttpContext http, ICurrentTenant tenant,
                CancellationToken cancellationToken) => explain == true
                ? explaining.HandleAsync(model, version, alias, http, tenant, cancellationToken)
                : json.HandleAsync(model, version, alias, http, tenant, cancellationToken))
            .WithName("Predict")
            .HasOwnBodyLimit()
            .RequireScope(ApiScopeNames.Predict)
            .RequirePredictionRateLimit()
            .WithSummary("Predicts one row (a JSON object) or many (an array), with the production version unless ?version= or ?alias= says otherwise; ?explain=true adds each column's contribution (at most MaxExplainRowsPerRequest rows).")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        endpoints.MapPost("/api/predict/{model}/batch", (string model, int? version, string? alias, string? id, HttpContext http, ICurrentTenant tenant,
                CancellationToken cancellationToken) => csv.HandleAsync(model, version, alias, id, http, tenant, cancellationToken))
            .WithName("PredictBatch")
            .RequireScope(ApiScopeNames.Predict)
            .RequirePredictionRateLimit()
            .WithSummary("Streams a CSV in and the same rows with predictions out (all input columns, or only ?id=COLUMN, then the prediction columns).")
            .Accepts<string>("text/csv", "text/tab-separated-values")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }
}
