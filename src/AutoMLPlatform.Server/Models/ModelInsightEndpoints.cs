using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Server.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Models;

/// <summary>Model insight: <c>/api/models/{name}/versions/{v}/report</c>, <c>…/evaluate</c> and <c>…/onnx</c>.</summary>
public static class ModelInsightEndpoints
{
    public static IEndpointRouteBuilder MapModelInsightEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/models/{name}/versions/{version:int}").WithTags("Models");
        group.MapGet("/report", GetReportAsync)
            .WithSummary("The version's evaluation reports (engine validation rows; latest dataset evaluated on) and permutation feature importance.")
            .RequireScope(ApiScopeNames.Read)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/evaluate", EvaluateAsync)
            .WithSummary("Scores the version on a labelled dataset and stores the report with it.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.evaluate"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        // An ONNX file carries what the model learned from its training rows (category vocabularies, ...) and the export
        // reads those rows for its parity check: it needs the scope that downloading the training data needs.
        group.MapGet("/onnx", ExportOnnxAsync)
            .WithSummary("The version as an ONNX file, proven against ML.NET on its training rows; 422 naming the step that has no ONNX form. Needs the train scope, as the training data does.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("model.export"))
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    internal static async Task<Ok<ModelReportResponse>> GetReportAsync(string name, int version, IModelRegistry registry, IModelInsightStore insights,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var found = await FindVersionAsync(registry, tenant.Id, name, version, cancellationToken).ConfigureAwait(false);
        var stored = await insights.FindAsync(tenant.Id, name, version, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ModelReportResponse(name, version, TaskKindNames.NameOf(found.Task), stored.Validation, stored.Evaluation, stored.Importance));
    }

    internal static async Task<Ok<EvaluationReport>> EvaluateAsync(string name, int version, EvaluateRequest? request, IModelRegistry registry,
        VersionEvaluator evaluator, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        // The version is looked up before the body is read: another tenant's model answers exactly like a missing one.
        var found = await FindVersionAsync(registry, tenant.Id, name, version, cancellationToken).ConfigureAwait(false);
        var report = await evaluator.EvaluateAsync(tenant.Id, found, request ?? new EvaluateRequest(null, null), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(report);
    }

    internal static async Task<FileContentHttpResult> ExportOnnxAsync(string name, int version, IModelRegistry registry, VersionExporter exporter,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var found = await FindVersionAsync(registry, tenant.Id, name, version, cancellationToken).ConfigureAwait(false);
        var onnx = await exporter.ExportAsync(found, cancellationToken).ConfigureAwait(false);
        return TypedResults.File(onnx, "application/octet-stream", $"{name}-v{version}.onnx");
    }

    private static async Task<ModelVersion> FindVersionAsync(IModelRegistry registry, TenantId tenant, string name, int version,
        CancellationToken cancellationToken)
    {
        _ = await registry.FindModelAsync(tenant, name, cancellationToken).ConfigureAwait(false) ?? throw ModelNotFoundException.Model(name);
        return await registry.FindVersionAsync(tenant, name, version, cancellationToken).ConfigureAwait(false)
            ?? throw ModelNotFoundException.Version(name, version);
    }
}
