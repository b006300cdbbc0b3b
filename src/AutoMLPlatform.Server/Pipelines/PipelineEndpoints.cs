using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Server.Audit;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Pipelines;

/// <summary>Retraining pipelines and their runs: <c>/api/pipelines</c>.</summary>
public static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/pipelines").WithTags("Pipelines").RequireScope(ApiScopeNames.Read);
        group.MapPost("/", CreateAsync)
            .WithSummary("Creates a pipeline (the shape of a pipelines/*.json file) and schedules it.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("pipeline.create"))
            .Accepts<PipelineDocument>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithSummary("Lists pipelines by name.");
        group.MapGet("/{name}", GetAsync).WithSummary("One pipeline, every default spelled out, with its next scheduled run.");
        group.MapPut("/{name}", ReplaceAsync)
            .WithSummary("Replaces a pipeline's definition and schedule; runs under way keep the definition they started with.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("pipeline.replace"))
            .Accepts<PipelineDocument>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{name}", DeleteAsync)
            .WithSummary("Deletes a pipeline, its schedule and its run history (not its models); a run under way is cancelled first.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("pipeline.delete"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/run", RunAsync)
            .WithSummary("Starts a run now: train a challenger on the dataset's newest version and promote it if it beats the champion.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("pipeline.run"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{name}/runs", ListRunsAsync).WithSummary("The pipeline's runs, newest first, with every promotion decision and both scores.");
        group.MapGet("/{name}/runs/{id}", GetRunAsync).WithSummary("One run of the pipeline.");
        group.MapPost("/{name}/runs/{id}/cancel", CancelRunAsync)
            .WithSummary("Cancels a queued or running run and its training job; it ends cancelled, with no retry, and the champion stays.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("pipeline.run.cancel"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    internal static async Task<Created<PipelineResponse>> CreateAsync(HttpRequest request, PipelineCatalog catalog, ICurrentTenant tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var document = await PipelineRequests.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var pipeline = await catalog.CreateAsync(tenant.Id, document, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/pipelines/{pipeline.Name}", PipelineResponse.From(pipeline, time.GetUtcNow()));
    }

    internal static async Task<Ok<Page<PipelineResponse>>> ListAsync(int? offset, int? limit, IPipelineStore store, ICurrentTenant tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (o, l) = Paging.Validate(offset, limit);
        var pipelines = await store.ListAsync(tenant.Id, o, l, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new Page<PipelineResponse>(pipelines.Select(p => PipelineResponse.From(p, now)).ToArray(), o, l));
    }

    internal static async Task<Ok<PipelineResponse>> GetAsync(string name, PipelineCatalog catalog, ICurrentTenant tenant, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(PipelineResponse.From(await catalog.GetAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false), time.GetUtcNow()));

    internal static async Task<Ok<PipelineResponse>> ReplaceAsync(string name, HttpRequest request, PipelineCatalog catalog, ICurrentTenant tenant,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var document = await PipelineRequests.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var pipeline = await catalog.ReplaceAsync(tenant.Id, name, document, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PipelineResponse.From(pipeline, time.GetUtcNow()));
    }

    internal static async Task<NoContent> DeleteAsync(string name, PipelineCatalog catalog, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        await catalog.DeleteAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static async Task<Accepted<PipelineRunResponse>> RunAsync(string name, PipelineTrigger trigger, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var run = await trigger.RunNowAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/pipelines/{name}/runs/{run.Id}", PipelineRunResponse.From(run));
    }

    internal static async Task<Accepted<PipelineRunResponse>> CancelRunAsync(string name, string id, PipelineRunCanceller canceller, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var run = await canceller.CancelAsync(tenant.Id, name, id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/pipelines/{name}/runs/{run.Id}", PipelineRunResponse.From(run));
    }

    internal static async Task<Ok<Page<PipelineRunResponse>>> ListRunsAsync(string name, int? offset, int? limit, PipelineCatalog catalog, IPipelineStore store,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var (o, l) = Paging.Validate(offset, limit);
        await catalog.GetAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(tenant.Id, name, o, l, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Page<PipelineRunResponse>(runs.Select(PipelineRunResponse.From).ToArray(), o, l));
    }

    internal static async Task<Ok<PipelineRunResponse>> GetRunAsync(string name, string id, IPipelineStore store, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var run = PipelineRunId.TryParse(id, out var runId)
            ? await store.FindRunAsync(tenant.Id, runId, cancellationToken).ConfigureAwait(false)
            : null;
        return run is not null && string.Equals(run.PipelineName, name, StringComparison.Ordinal)
            ? TypedResults.Ok(PipelineRunResponse.From(run))
            : throw PipelineNotFoundException.Run(id);
    }
}
