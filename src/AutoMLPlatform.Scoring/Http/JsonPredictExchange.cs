using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Scoring.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Http;

/// <summary>
/// The request and answer of the JSON predict endpoints. The body is parsed in place from the request's pipe buffers
/// with a <see cref="Utf8JsonReader"/> straight into a pooled session's row (no document, no per-field allocations for
/// numbers), predicted, and written with a pooled <see cref="Utf8JsonWriter"/> into a buffer that goes out with a
/// Content-Length in one write, so an error in any row is still a clean 400. One object is one row and one answer
/// object; an array is <c>{"model","version","predictions":[…]}</c>. What each row's answer holds is the endpoint's
/// <see cref="IRowAnswer"/>.
/// </summary>
internal sealed class JsonPredictExchange(ModelCache cache, ScoringMetrics metrics, ObjectPool<ResponseBuffer> buffers, IOptions<ScoringOptions> options,
    IOptions<HostingOptions> hosting, PredictionLogRecorder log)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    // Rows are flat objects; deeper values (skipped when they name no column) stop at the host's depth limit.
    private readonly JsonReaderOptions _reading = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = hosting.Value.MaxJsonDepth };

    public async Task HandleAsync<TAnswer>(TAnswer answer, string model, int? version, string? alias, HttpContext http, ICurrentTenant tenant,
        CancellationToken cancellationToken)
        where TAnswer : struct, IRowAnswer
    {
        var started = Stopwatch.GetTimestamp();
        var known = string.Empty;
        var served = string.Empty;
        try
        {
            var maxBodyBytes = options.Value.MaxJsonBodyBytes;
            var selector = ModelSelector.From(version, alias).ForPrediction(RoutingHeaders.KeyOf(http.Request));
            RequestBody.Limit(http, maxBodyBytes);
            var reader = http.Request.BodyReader;
            var body = await RequestBody.ReadAllAsync(reader, maxBodyBytes, cancellationToken).ConfigureAwait(false);
            ResponseBuffer buffer;
            int rows;
            try
            {
                using var lease = await cache.AcquireAsync(tenant.Id, model, selector, cancellationToken).ConfigureAwait(false);
                known = lease.Model.Version.ModelName;
                served = lease.Model.VersionText;
                buffer = buffers.Get();
                try
                {
                    rows = Predict(answer, lease.Model, log.Start(tenant.Id, lease), body, _reading, buffer.Json, cancellationToken);
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
            response.Headers[RoutingHeaders.ModelVersion] = served;
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
    private static int Predict<TAnswer>(TAnswer answer, ScoringModel model, PredictionLogRecorder.RowLog log, ReadOnlySequence<byte> body, JsonReaderOptions reading, Utf8JsonWriter writer,
        CancellationToken cancellationToken)
        where TAnswer : struct, IRowAnswer
    {
        var json = new Utf8JsonReader(body, reading);
        var session = model.Rent();
        try
        {
            var rows = json.Read() ? json.TokenType switch
            {
                JsonTokenType.StartObject => PredictOne(answer, model, log, session, ref json, writer, cancellationToken),
                JsonTokenType.StartArray => PredictMany(answer, model, log, session, ref json, writer, cancellationToken),
                _ => -1,
            } : -1;
            if (rows < 0)
            {
                throw new InvalidInputException(RequestErrorCodes.InvalidBody, "The body must be a JSON object (one row) or an array of objects.", "body");
            }

            // Anything after the root value is malformed JSON; reading on makes the reader say so.
            json.Read();
            writer.Flush();
            return rows;
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException(RequestErrorCodes.InvalidJson, $"The body is not valid JSON: {ex.Message}", "body", ex);
        }
        finally
        {
            model.Return(session);
        }
    }

    private static int PredictOne<TAnswer>(TAnswer answer, ScoringModel model, PredictionLogRecorder.RowLog log, ScoringSession session, ref Utf8JsonReader json, Utf8JsonWriter writer,
        CancellationToken cancellationToken)
        where TAnswer : struct, IRowAnswer
    {
        JsonRowReader.Read(ref json, session.Row, RowLocation.Body);
        session.Predict();
        writer.WriteStartObject();
        PredictionJson.WriteHeader(writer, model);
        PredictionJson.WritePredictionId(writer, log.Log(session));
        answer.WriteFields(model, session, writer, cancellationToken);
        writer.WriteEndObject();
        return 1;
    }

    private static int PredictMany<TAnswer>(TAnswer answer, ScoringModel model, PredictionLogRecorder.RowLog log, ScoringSession session, ref Utf8JsonReader json, Utf8JsonWriter writer,
        CancellationToken cancellationToken)
        where TAnswer : struct, IRowAnswer
    {
        writer.WriteStartObject();
        PredictionJson.WriteHeader(writer, model);
        PredictionJson.StartPredictions(writer);
        var rows = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (rows == answer.MaxRows)
            {
                throw answer.TooManyRows();
            }

            JsonRowReader.Read(ref json, session.Row, RowLocation.Item(rows));
            session.Predict();
            writer.WriteStartObject();
            PredictionJson.WritePredictionId(writer, log.Log(session));
            answer.WriteFields(model, session, writer, cancellationToken);
            writer.WriteEndObject();
            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidInputException(RequestErrorCodes.EmptyBatch, "The array holds no rows to predict.", "body");
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
