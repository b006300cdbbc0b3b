using System.Globalization;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary>
/// The Open Inference Protocol (KServe v2) REST endpoints. A model is addressed by name (its production alias) or by
/// <c>/versions/{v}</c>. Errors are our problem details with the protocol's <c>error</c> member added.
/// </summary>
public static class OipEndpoints
{
    /// <summary>The platform name model metadata reports.</summary>
    public const string Platform = "mlnet";

    public static IEndpointRouteBuilder MapOipEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v2 = endpoints.MapGroup("/v2").WithTags("Open Inference Protocol");
        // Health is open, like /alive, for probes; server metadata (it names the server and its version) and anything
        // naming a model need a key with the predict scope.
        v2.MapGet("/", () => TypedResults.Ok(new OipServerMetadata("automlplatform-scoring", ServerVersion, []))).RequireScope(ApiScopeNames.Predict);
        v2.MapGet("/health/live", () => TypedResults.Ok(new OipLive(true))).AllowAnonymous();
        v2.MapGet("/health/ready", ReadyAsync).AllowAnonymous();
        var models = v2.MapGroup("/").RequireScope(ApiScopeNames.Predict).RequirePredictionRateLimit();

        var infer = endpoints.ServiceProvider.GetRequiredService<OipInferHandler>();
        foreach (var prefix in new[] { "/models/{name}", "/models/{name}/versions/{version}" })
        {
            models.MapGet(prefix, MetadataAsync);
            models.MapGet(prefix + "/ready", ModelReadyAsync);
            models.MapPost(prefix + "/infer", (string name, string? version, HttpContext http, ICurrentTenant tenant, CancellationToken cancellationToken) =>
                    infer.HandleAsync(name, Selector(name, version), http, tenant, cancellationToken))
                .HasOwnBodyLimit()
                .Accepts<object>("application/json")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        }

        return endpoints;
    }

    private static string ServerVersion => typeof(OipEndpoints).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Ready once the registry answers: the host only listens after storage has started.</summary>
    private static async Task<Ok<OipReady>> ReadyAsync(IModelRegistry registry, CancellationToken cancellationToken)
    {
        await registry.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new OipReady(true));
    }

    /// <summary>Ready when the version is loaded and warm; asking loads it, so a probe can also pre-load a model.</summary>
    private static async Task<Ok<OipModelReady>> ModelReadyAsync(string name, string? version, ModelCache cache, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        using var lease = await cache.AcquireAsync(tenant.Id, name, Selector(name, version), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new OipModelReady(name, true));
    }

    private static async Task<Ok<OipModelMetadata>> MetadataAsync(string name, string? version, ModelCache cache, IModelRegistry registry,
        ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        using var lease = await cache.AcquireAsync(tenant.Id, name, Selector(name, version), cancellationToken).ConfigureAwait(false);
        var versions = await registry.ListVersionsAsync(tenant.Id, name, cancellationToken).ConfigureAwait(false);
        var model = lease.Model;
        var inputs = model.Version.Inputs
            .Select(c => new OipTensorMetadata(c.Name, c.Type == ColumnType.Numeric ? "FP32" : "BYTES", [-1]))
            .ToArray();
        var outputs = OipOutput.For(model.Output)
            .Select(o => new OipTensorMetadata(o.Name, OipDataTypes.WireName(o.DataType), o.MetadataShape))
            .ToArray();
        return TypedResults.Ok(new OipModelMetadata(name, versions.Select(v => v.Version.ToString(CultureInfo.InvariantCulture)).Reverse().ToArray(),
            Platform, inputs, outputs));
    }

    /// <summary>The production alias without a version; a version that is not a positive number is one the model does not have.</summary>
    private static ModelSelector Selector(string name, string? version)
    {
        if (version is null)
        {
            return ModelSelector.Production;
        }

        return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? ModelSelector.ForVersion(number)
            : throw new ModelNotFoundException($"Model '{name}' has no version '{version}'.");
    }
}
