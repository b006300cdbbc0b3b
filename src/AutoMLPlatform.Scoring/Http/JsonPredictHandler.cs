using System.Text.Json;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// <c>POST /api/predict/{model}</c>, the hot path: each row's answer is its prediction fields, at most
/// <see cref="ScoringOptions.MaxRowsPerRequest"/> rows. A warm single-row request allocates only the strings of its
/// text fields (see <see cref="JsonPredictExchange"/>).
/// </summary>
internal sealed class JsonPredictHandler(JsonPredictExchange exchange, IOptions<ScoringOptions> options)
{
    public Task HandleAsync(string model, int? version, string? alias, HttpContext http, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        exchange.HandleAsync(new Answer(options.Value.MaxRowsPerRequest), model, version, alias, http, tenant, cancellationToken);

    private readonly struct Answer(int maxRows) : IRowAnswer
    {
        public int MaxRows => maxRows;

        public Exception TooManyRows() => new PayloadTooLargeRowsException(maxRows);

        public void WriteFields(ScoringModel model, ScoringSession session, Utf8JsonWriter writer, CancellationToken cancellationToken) =>
            PredictionJson.WriteFields(writer, model.Output, session.Output);
    }
}
