using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// <c>POST /api/predict/{model}</c>. The hot path: the body is parsed in place from the request's pipe buffers with a
/// <see cref="Utf8JsonReader"/> straight into a pooled session's row (no document, no per-field allocations for
/// numbers), predicted, and written with a pooled <see cref="Utf8JsonWriter"/>; a warm single-row request allocates
/// only the strings of its text fields.
/// </summary>
internal sealed class JsonPredictHandler(ModelCache cache, ScoringMetrics metrics, ObjectPool<ResponseBuffer> buffers, IOptions<ScoringOptions> options)
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
            ResponseBuffer buffer;
            int rows;
            try
            {
                using var lease = await cache.AcquireAsync(tenant.Id, model, selector, cancellationToken).ConfigureAwait(false);
                known = lease.Model.Version.ModelName;
                buffer = buffers.Get();
                try
                {
                    rows = Predict(lease.Model, body, buffer.Json, limits.MaxRowsPerRequest);
                }
                catch (Exception) when (Discard(buffer))
                {
                    throw; // not reached: Discard returns false, the exception goes on with the buffer back in the pool
                }
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

    /// <summary>Predicts the object or array in <paramref name="body"/> into <paramref name="writer"/>; returns the row count.</summary>
    private static int Predict(ScoringModel model, ReadOnlySequence<byte> body, Utf8JsonWriter writer, int maxRows)
    {
        var json = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var session = model.Rent();
        try
        {
            var rows = json.Read() ? json.TokenType switch
            {
                JsonTokenType.StartObject => PredictOne(model, session, ref json, writer),
                JsonTokenType.StartArray => PredictMany(model, session, ref json, writer, maxRows),
                _ => -1,
            } : -1;
            if (rows < 0)
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

    private static int PredictOne(ScoringModel model, ScoringSession session, ref Utf8JsonReader json, Utf8JsonWriter writer)
    {
        JsonRowReader.Read(ref json, session.Row, RowLocation.Body);
        session.Predict();
        writer.WriteStartObject();
        PredictionJson.WriteHeader(writer, model);
        PredictionJson.WriteFields(writer, model.Output, session.Output);
        writer.WriteEndObject();
        return 1;
    }

    private static int PredictMany(ScoringModel model, ScoringSession session, ref Utf8JsonReader json, Utf8JsonWriter writer, int maxRows)
    {
        writer.WriteStartObject();
        PredictionJson.WriteHeader(writer, model);
        PredictionJson.StartPredictions(writer);
        var rows = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (rows == maxRows)
            {
                throw new PayloadTooLargeRowsException(maxRows);
            }

            JsonRowReader.Read(ref json, session.Row, RowLocation.Item(rows));
            session.Predict();
            writer.WriteStartObject();
            PredictionJson.WriteFields(writer, model.Output, session.Output);
            writer.WriteEndObject();
            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidInputException("empty-batch", "The array holds no rows to predict.", "body");
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        return rows;
    }

    private bool Discard(ResponseBuffer buffer)
    {
        buffers.Return(buffer);
        return false;
    }
}
