using System.Globalization;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// <c>POST /api/models/{name}/feedback</c>: the true outcomes of logged predictions, as a JSON array (at most
/// <see cref="FeedbackIntake.MaxRowsPerCall"/> rows) or a CSV back-fill (<c>predictionId,label|value[,observedAt]</c>,
/// any length). Needs the <c>feedback</c> scope (or train/admin). Each call is one audit entry with its counts.
/// </summary>
public static class FeedbackEndpoints
{
    /// <summary>The JSON body's limit: 10,000 rows of id, class and time fit in well under it.</summary>
    public const long MaxJsonBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/models/{name}/feedback", HandleAsync)
            .WithTags("Feedback")
            .HasOwnBodyLimit()
            .RequireScope(ApiScopeNames.Feedback)
            .WithSummary("Sends the true outcomes of logged predictions: JSON [{ predictionId, label | value, observedAt? }] (≤ 10,000) or CSV. Per-row results; a later outcome for the same id replaces the earlier.")
            .Accepts<object>("application/json", "text/csv")
            .Produces<FeedbackResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    internal static async Task<Ok<FeedbackResponse>> HandleAsync(string name, HttpContext http, FeedbackIntake intake, IModelRegistry registry, IAuditLog audit,
        IOptions<ScoringOptions> options, IOptions<HostingOptions> hosting, ICurrentTenant tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        var model = await registry.FindModelAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false) ?? throw ModelNotFoundException.Model(name);
        var contentType = http.Request.ContentType ?? "application/json";
        FeedbackResponse response;
        if (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            RequestBody.Limit(http, options.Value.MaxBatchBodyBytes);
            response = await FeedbackCsv.TakeAsync(intake, tenant.Id, model.Name, http.Request.Body, options.Value.CsvLimits, cancellationToken).ConfigureAwait(false);
        }
        else if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            RequestBody.Limit(http, MaxJsonBodyBytes);
            var reader = http.Request.BodyReader;
            var body = await RequestBody.ReadAllAsync(reader, MaxJsonBodyBytes, cancellationToken).ConfigureAwait(false);
            List<FeedbackInput> rows;
            try
            {
                rows = FeedbackJsonReader.Read(body, hosting.Value.MaxJsonDepth);
            }
            finally
            {
                reader.AdvanceTo(body.End);
            }

            var results = await intake.TakeAsync(tenant.Id, model.Name, rows, 0, cancellationToken).ConfigureAwait(false);
            response = new FeedbackResponse(results.Count(r => r.Outcome == "accepted"), results.Count(r => r.Outcome == "replaced"),
                results.Count(r => r.Status != 200), results);
        }
        else
        {
            throw new InvalidInputException("unsupported-media-type", "Send feedback as application/json or text/csv.", "Content-Type");
        }

        // One entry per call: who sent outcomes for which model, and how many replaced earlier ones (the later wins).
        var caller = http.Caller();
        await audit.AppendAsync(new AuditRecord(time.GetUtcNow(), tenant.Id, caller?.KeyId, "model.feedback", $"model={model.Name}",
            string.Create(CultureInfo.InvariantCulture, $"accepted {response.Accepted}, replaced {response.Replaced}, rejected {response.Rejected}")),
            CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok(response);
    }
}
