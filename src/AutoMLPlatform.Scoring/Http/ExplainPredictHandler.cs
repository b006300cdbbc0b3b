using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Explaining;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// <c>POST /api/predict/{model}?explain=true</c>: the same input and answer as <see cref="JsonPredictHandler"/>, each
/// prediction object with an <c>explanation</c> added. A handler of its own so the plain path stays exactly as it was;
/// at most <see cref="ScoringOptions.MaxExplainRowsPerRequest"/> rows, since each row costs up to a thousand scorings.
/// </summary>
internal sealed class ExplainPredictHandler(ModelCache cache, ScoringMetrics metrics, ObjectPool<ResponseBuffer> buffers, IOptions<ScoringOptions> options)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task HandleAsync(string model, int? version, string? alias, HttpContext http, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var known = string.Empty;
        try
        {
            var limits = options.Value;
            var selector = ModelSelector.From(version, alias);
            RequestBody.Limit(http, limits.MaxJsonBodyBytes);
            var reader = http.Request.BodyReader;
            var body = await RequestBody.ReadAllAsync(reader, limits.MaxJsonBodyBytes, cancellationToken).ConfigureAwait(false);
            var buffer = buffers.Get();
            int rows;
            try
            {
                using var lease = await cache.AcquireAsync(tenant.Id, model, selector, cancellationToken).ConfigureAwait(false);
                known = lease.Model.Version.ModelName;
                rows = Predict(lease.Model, body, buffer.Json, limits.MaxExplainRowsPerRequest, cancellationToken);
            }
            catch (Exception) when (Discard(buffer))
            {
                throw; // not reached: Discard returns false, the exception goes on with the buffer back in the pool
            }
            finally
            {
                reader.AdvanceTo(body.End);
            }

            var response = http.Response;
            response.ContentType = JsonContentType;
            response.ContentLength = buffer.WrittenSpan.Length;
            response.BodyWriter.Write(buffer.WrittenSpan);
            buffers.Return(buffer);
            metrics.Record(ScoringProtocol.Json, known, StatusCodes.Status200OK, started, rows);
        }
        catch (Exception ex) when (metrics.RecordFailure(ScoringProtocol.Json, known, ex, started))
        {
            throw; // not reached: RecordFailure only records and returns false
        }
    }

    private static int Predict(ScoringModel model, ReadOnlySequence<byte> body, Utf8JsonWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var session = model.Rent();
        try
        {
            int rows;
            if (json.Read() && json.TokenType == JsonTokenType.StartObject)
            {
                writer.WriteStartObject();
                PredictionJson.WriteHeader(writer, model);
                PredictRow(model, session, ref json, writer, RowLocation.Body, cancellationToken);
                rows = 1;
            }
            else if (json.TokenType == JsonTokenType.StartArray)
            {
                writer.WriteStartObject();
                PredictionJson.WriteHeader(writer, model);
                PredictionJson.StartPredictions(writer);
                rows = 0;
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    if (rows == maxRows)
                    {
                        throw new InvalidInputException("too-many-rows-to-explain",
                            $"explain=true takes at most {maxRows} rows per request; this request has more. Send the rest in further requests, or without explain.",
                            "explain");
                    }

                    writer.WriteStartObject();
                    PredictRow(model, session, ref json, writer, RowLocation.Item(rows), cancellationToken);
                    rows++;
                }

                if (rows == 0)
                {
                    throw new InvalidInputException("empty-batch", "The array holds no rows to predict.", "body");
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else
            {
                throw new InvalidInputException("invalid-body", "The body must be a JSON object (one row) or an array of objects.", "body");
            }

            // Anything after the root value is malformed JSON; reading on makes the reader say so.
            json.Read();
            writer.Flush();
            return rows;
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException("invalid-json", $"The body is not valid JSON: {ex.Message}", "body", ex);
        }
        finally
        {
            model.Return(session);
        }
    }

    /// <summary>Reads, predicts and explains one row into the object the writer has just started; ends that object.</summary>
    private static void PredictRow(ScoringModel model, ScoringSession session, ref Utf8JsonReader json, Utf8JsonWriter writer, RowLocation where,
        CancellationToken cancellationToken)
    {
        JsonRowReader.Read(ref json, session.Row, where);
        session.Predict();
        PredictionJson.WriteFields(writer, model.Output, session.Output);
        var explanation = model.Explainer.Explain(session.Row, session.Output, cancellationToken);
        ExplanationJson.Write(writer, explanation, model.Inputs, model.Output, session.Output);
        writer.WriteEndObject();
    }

    private bool Discard(ResponseBuffer buffer)
    {
        buffers.Return(buffer);
        return false;
    }
}
