using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Training;
using AutoMLPlatform.Server.Api;
using AutoMLPlatform.Server.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Jobs;

/// <summary>Submit, watch and cancel training jobs: <c>/api/jobs</c>.</summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/jobs").WithTags("Jobs").RequireScope(ApiScopeNames.Read);
        group.MapPost("/", SubmitAsync)
            .WithSummary("Submits a training job: predict column 'label' of dataset 'datasetId' within 'timeBudgetSeconds'.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("job.submit"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithSummary("Lists jobs, newest first.");
        group.MapGet("/{id}", GetAsync).WithSummary("A job's status, progress, column decisions and leaderboard (best first).");
        group.MapPost("/{id}/cancel", CancelAsync)
            .WithSummary("Cancels a queued or running job.")
            .RequireScope(ApiScopeNames.Train)
            .WithMetadata(new AuditedAttribute("job.cancel"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    internal static async Task<Accepted<JobResponse>> SubmitAsync(SubmitJobRequest request, JobSubmitter submitter, ICurrentTenant tenant,
        HttpContext http, CancellationToken cancellationToken)
    {
        var job = await submitter.SubmitAsync(tenant.Id, request, cancellationToken).ConfigureAwait(false);
        http.Items[AuditMiddleware.TargetItem] = $"job/{job.Id}";
        return TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job));
    }

    internal static async Task<Ok<Page<JobResponse>>> ListAsync(int? offset, int? limit, IJobStore jobs, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var (o, l) = Paging.Validate(offset, limit);
        var items = await jobs.ListAsync(tenant.Id, o, l, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Page<JobResponse>(items.Select(JobResponse.From).ToArray(), o, l));
    }

    internal static async Task<Ok<JobResponse>> GetAsync(string id, IJobStore jobs, IJobPartStore parts, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var jobId = ParseId(id);
        var job = await jobs.FindAsync(tenant.Id, jobId, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(jobId);
        var trials = await jobs.ListTrialsAsync(jobId, job.Attempt, cancellationToken).ConfigureAwait(false);
        var higherIsBetter = job.Progress.Metric is not { } metric || Core.Modeling.Metrics.HigherIsBetter(metric);
        var ranked = trials
            .OrderBy(t => t.Score is null)
            .ThenBy(t => higherIsBetter ? -(t.Score ?? 0) : t.Score ?? 0)
            .Select(TrialResponse.From)
            .ToArray();
        var fannedOut = job.Spec.Parallelism > 1
            ? (await parts.ListAsync(jobId, job.Attempt, cancellationToken).ConfigureAwait(false)).Select(JobPartResponse.From).ToArray()
            : null;
        return TypedResults.Ok(JobResponse.From(job) with { Columns = job.Progress.Columns, Leaderboard = ranked, Parts = fannedOut });
    }

    internal static async Task<Ok<JobResponse>> CancelAsync(string id, JobCanceller canceller, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var job = await canceller.CancelAsync(tenant.Id, ParseId(id), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(JobResponse.From(job));
    }

    /// <summary>A malformed id cannot name any job: it answers 404 like an unknown one.</summary>
    private static JobId ParseId(string id) => JobId.TryParse(id, out var parsed) ? parsed : throw new JobNotFoundException(id);
}
