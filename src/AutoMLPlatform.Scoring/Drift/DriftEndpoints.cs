using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Insight.Drift;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AutoMLPlatform.Scoring.Drift;

/// <summary><c>GET /api/models/{name}/versions/{v}/drift</c>, served by the scoring host and the main server alike.</summary>
public static class DriftEndpoints
{
    public static IEndpointRouteBuilder MapDriftEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/models/{name}/versions/{version:int}/drift", GetDriftAsync)
            .WithName("ModelDrift")
            .WithTags("Models")
            .WithSummary("How the rows this version scored compare with its training data: PSI, missing and unseen shares per column, and the predictions.")
            .RequireScope(ApiScopeNames.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Ok<DriftReport>> GetDriftAsync(string name, int version, IModelRegistry registry, DriftMonitor drift, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        // Another tenant's model answers exactly like a missing one: the lookup is by the caller's tenant.
        _ = await registry.FindModelAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false) ?? throw ModelNotFoundException.Model(name);
        var found = await registry.FindVersionAsync(tenant.Id, name, version, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Version(name, version);
        return TypedResults.Ok(await drift.ReportAsync(found, cancellationToken).ConfigureAwait(false));
    }
}
