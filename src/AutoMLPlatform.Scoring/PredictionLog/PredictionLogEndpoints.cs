using System.Globalization;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary><c>GET/PUT /api/models/{name}/prediction-log</c>: whether, and how much of, a model's traffic is logged (docs/feedback.md).</summary>
public static class PredictionLogEndpoints
{
    public static IEndpointRouteBuilder MapPredictionLogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/models/{name}/prediction-log", GetAsync)
            .WithTags("Feedback")
            .RequireScope(ApiScopeNames.Read)
            .WithSummary("The model's prediction log settings: sampleRate (0 is off, the default) and retentionDays.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPut("/api/models/{name}/prediction-log", SetAsync)
            .WithTags("Feedback")
            .RequireScope(ApiScopeNames.Train)
            .WithSummary("Switches the prediction log: { sampleRate: 0–1, retentionDays: 1–3650 }. Every scoring process follows within seconds.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Ok<PredictionLogSettingsBody>> GetAsync(string name, IModelRegistry registry, IPredictionLogStore store, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var model = await FindAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var settings = await store.GetSettingsAsync(tenant.Id, model.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PredictionLogSettingsBody.From(settings));
    }

    internal static async Task<Ok<PredictionLogSettingsBody>> SetAsync(string name, PredictionLogSettingsBody? body, IModelRegistry registry,
        IPredictionLogStore store, PredictionLogSwitchboard switchboard, IAuditLog audit, TimeProvider time, HttpContext http, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var settings = (body ?? throw new InvalidInputException(RequestErrorCodes.InvalidBody, "Send { \"sampleRate\": 0–1, \"retentionDays\": N }.", "body")).ToSettings();
        var model = await FindAsync(registry, tenant.Id, name, cancellationToken).ConfigureAwait(false);
        await store.SetSettingsAsync(tenant.Id, model.Name, settings, cancellationToken).ConfigureAwait(false);
        switchboard.Apply(tenant.Id, model.Name, settings);
        // Who started (or stopped) keeping a model's traffic is a question an auditor asks.
        await audit.AppendAsync(new AuditRecord(time.GetUtcNow(), tenant.Id, http.Caller()?.KeyId, "model.prediction-log", $"model={model.Name}",
            string.Create(CultureInfo.InvariantCulture, $"sampleRate {settings.SampleRate}, retentionDays {settings.RetentionDays}")), CancellationToken.None)
            .ConfigureAwait(false);
        return TypedResults.Ok(PredictionLogSettingsBody.From(settings));
    }

    private static async Task<RegisteredModel> FindAsync(IModelRegistry registry, TenantId tenant, string name, CancellationToken cancellationToken) =>
        await registry.FindModelAsync(tenant, name, cancellationToken).ConfigureAwait(false) ?? throw ModelNotFoundException.Model(name);
}
