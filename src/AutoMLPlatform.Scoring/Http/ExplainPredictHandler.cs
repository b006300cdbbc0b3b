using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Explaining;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// <c>POST /api/predict/{model}?explain=true</c>: the same input and answer as <see cref="JsonPredictHandler"/>, each
/// prediction object with an <c>explanation</c> added. A handler of its own so the plain path does no work for it;
/// at most <see cref="ScoringOptions.MaxExplainRowsPerRequest"/> rows, since each row costs up to a thousand scorings.
/// </summary>
internal sealed class ExplainPredictHandler(JsonPredictExchange exchange, IOptions<ScoringOptions> options)
{
    public Task HandleAsync(string model, int? version, string? alias, HttpContext http, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        exchange.HandleAsync(new Answer(options.Value.MaxExplainRowsPerRequest), model, version, alias, http, tenant, cancellationToken);

    private readonly struct Answer(int maxRows) : IRowAnswer
    {
        public int MaxRows => maxRows;

        public Exception TooManyRows() => new InvalidInputException("too-many-rows-to-explain",
            $"explain=true takes at most {maxRows} rows per request; this request has more. Send the rest in further requests, or without explain.",
            "explain");

        public void WriteFields(ScoringModel model, ScoringSession session, Utf8JsonWriter writer, CancellationToken cancellationToken)
        {
            PredictionJson.WriteFields(writer, model.Output, session.Output);
            var explanation = model.Explainer.Explain(session.Row, session.Output, cancellationToken);
            ExplanationJson.Write(writer, explanation, model.Inputs, model.Output, session.Output);
        }
    }
}
