using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Pretrained.Text;
using AutoMLPlatform.Scoring.Oip;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary>
/// <c>POST /api/embeddings</c>, and each sentence encoder as an Open Inference Protocol model under its own name
/// (<c>/v2/models/all-MiniLM-L6-v2[/versions/1]</c>, <c>…/ready</c>, <c>…/infer</c>). Those names are literal routes,
/// so they win over a registered model of the same name on <c>/v2</c> (which <c>/api/predict</c> still serves).
/// Everything needs a key with the <c>predict</c> scope.
/// </summary>
public static class EmbeddingEndpoints
{
    public const string Path = "/api/embeddings";

    public static IEndpointRouteBuilder MapEmbeddingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<EmbeddingsHandler>();
        var oip = endpoints.ServiceProvider.GetRequiredService<EmbeddingOipHandler>();
        endpoints.MapPost(Path, async Task<Ok<EmbeddingsResponse>> (HttpContext http, CancellationToken cancellationToken) =>
                TypedResults.Ok(await handler.HandleAsync(http, cancellationToken).ConfigureAwait(false)))
            .WithName("Embeddings")
            .WithTags("Embeddings")
            .RequireScope(ApiScopeNames.Predict)
            .RequirePredictionRateLimit()
            .WithSummary("Encodes texts with a pretrained sentence encoder (all-MiniLM-L6-v2): one unit-length vector per input, in order. At most MaxEmbeddingInputs texts (413 beyond) of at most MaxEmbeddingTextLength characters (400 beyond).")
            .Accepts<EmbeddingsRequest>("application/json")
            .Produces<EmbeddingsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        var v2 = endpoints.MapGroup("/v2/models").WithTags("Open Inference Protocol").RequireScope(ApiScopeNames.Predict).RequirePredictionRateLimit();
        foreach (var spec in SentenceEncoders.All)
        {
            foreach (var prefix in new[] { $"/{spec.Name}", $"/{spec.Name}/versions/{EmbeddingOipHandler.Version}" })
            {
                v2.MapGet(prefix, () => TypedResults.Ok(EmbeddingOipHandler.Metadata(spec.Name, spec.Dimension)));
                v2.MapGet(prefix + "/ready", async Task<Ok<OipModelReady>> (CancellationToken cancellationToken) =>
                {
                    await handler.EncoderAsync(spec.Name, cancellationToken).ConfigureAwait(false);
                    return TypedResults.Ok(new OipModelReady(spec.Name, true));
                });
                v2.MapPost(prefix + "/infer", (HttpContext http, CancellationToken cancellationToken) => oip.InferAsync(spec.Name, http, cancellationToken))
                    .Accepts<object>("application/json")
                    .ProducesProblem(StatusCodes.Status400BadRequest)
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
            }
        }

        return endpoints;
    }
}
