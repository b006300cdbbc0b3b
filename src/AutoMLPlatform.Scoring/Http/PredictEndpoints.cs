using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Http;

/// <summary><c>POST /api/predict/{model}</c>: one JSON object or an array of them in, predictions out.</summary>
public static class PredictEndpoints
{
    public static IEndpointRouteBuilder MapPredictEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/predict/{model}", PredictAsync)
            .WithName("Predict")
            .RequireScope(ApiScopeNames.Predict)
            .WithSummary("Predicts one row (a JSON object) or many (an array), with the production version unless ?version= or ?alias= says otherwise.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    internal static async Task<IResult> PredictAsync(string model, int? version, string? alias, HttpContext http, ModelCache cache,
        ICurrentTenant tenant, IOptions<ScoringOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        LimitBody(http, limits.MaxJsonBodyBytes);
        var selector = Select(version, alias);
        using var body = await ReadJsonAsync(http, cancellationToken).ConfigureAwait(false);
        var root = body.RootElement;
        var single = root.ValueKind == JsonValueKind.Object;
        var rows = single ? 1 : root.ValueKind == JsonValueKind.Array ? root.GetArrayLength() : -1;
        switch (rows)
        {
            case < 0:
                throw new InvalidInputException("invalid-body", "The body must be a JSON object (one row) or an array of objects.", "body");
            case 0:
                throw new InvalidInputException("empty-batch", "The array holds no rows to predict.", "body");
            case var n when n > limits.MaxRowsPerRequest:
                throw new PayloadTooLargeRowsException(n, limits.MaxRowsPerRequest);
        }

        using var lease = await cache.AcquireAsync(tenant.Id, model, selector, cancellationToken).ConfigureAwait(false);
        var scoring = lease.Model;
        var predictions = new Prediction[rows];
        if (single)
        {
            predictions[0] = scoring.Predict(root);
        }
        else
        {
            scoring.PredictMany(root, predictions);
        }

        return new PredictionsResult(scoring.Version.ModelName, scoring.Version.Version, scoring.Version.Classes, predictions, single);
    }

    private static ModelSelector Select(int? version, string? alias) => (version, alias) switch
    {
        (not null, not null) => throw new InvalidInputException("ambiguous-selector", "Give either ?version= or ?alias=, not both.", "version"),
        ({ } v, null) when v < 1 => throw new InvalidInputException("invalid-version", "A version is a positive number.", "version"),
        ({ } v, null) => ModelSelector.ForVersion(v),
        (null, { } a) => ModelSelector.ForAlias(ModelAliases.ValidateAlias(a)),
        _ => ModelSelector.Production,
    };

    private static void LimitBody(HttpContext http, long maxBytes)
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        if (http.Request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException(maxBytes);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException("invalid-json", $"The body is not valid JSON: {ex.Message}", "body", ex);
        }
    }
}
