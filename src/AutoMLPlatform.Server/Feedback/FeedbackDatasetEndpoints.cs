using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Server.Audit;
using AutoMLPlatform.Server.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Feedback;

/// <summary>
/// <c>POST /api/models/{name}/versions/{v}/feedback-dataset</c> <c>{ "dataset", "from"?, "to"? }</c>: the version's
/// logged predictions with feedback become a new version of a dataset in one call (docs/feedback.md).
/// </summary>
public static class FeedbackDatasetEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackDatasetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/models/{name}/versions/{version:int}/feedback-dataset", BuildAsync)
            .WithTags("Feedback")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("dataset.from-feedback"))
            .WithSummary("Makes the version's logged predictions with feedback (default: the last 30 days) a new version of a dataset: its input columns plus the label.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    internal static async Task<Created<DatasetResponse>> BuildAsync(string name, int version, FeedbackDatasetRequest? request, IModelRegistry registry,
        FeedbackDatasetBuilder builder, ICurrentTenant tenant, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Dataset))
        {
            throw new InvalidInputException("missing-dataset", "Name the dataset to add the version to: { \"dataset\": \"…\" }.", "dataset");
        }

        var to = request.To ?? time.GetUtcNow();
        var from = request.From ?? to - TimeSpan.FromDays(30);
        if (from >= to)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidRange, "from must be before to.", "from");
        }

        var found = await registry.FindVersionAsync(tenant.Id, name, version, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Version(name, version);
        var added = await builder.BuildAsync(tenant.Id, found, request.Dataset, from, to, cancellationToken).ConfigureAwait(false);
        http.Items[AuditMiddleware.TargetItem] = $"dataset/{added.DatasetId} from model={found.ModelName} version={version}";
        return TypedResults.Created($"/api/datasets/{added.DatasetId}", DatasetResponse.From(request.Dataset.Trim(), added));
    }
}
