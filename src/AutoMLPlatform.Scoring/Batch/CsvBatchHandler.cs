using System.Buffers;
using System.Diagnostics;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Scoring.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Batch;

/// <summary>
/// <c>POST /api/predict/{model}/batch</c>: CSV in, CSV out, streamed. Records are parsed in blocks on one task
/// (<see cref="CsvRecordPump"/>) while the request's task predicts the previous block with one pooled session and
/// writes it, so memory stays flat whatever the file size and parsing overlaps prediction. Output is buffered until
/// <see cref="FlushBytes"/> before the response starts: an error in the header or the first rows is a clean 400; an
/// error after the response started can only end it, so the connection is cut (the client sees a truncated body).
/// When the model logs, a last column <c>predictionId</c> holds each logged row's id (empty for a row not sampled).
/// </summary>
internal sealed class CsvBatchHandler(ModelCache cache, ScoringMetrics metrics, IOptions<ScoringOptions> options, PredictionLogRecorder log)
{
    /// <summary>Output is handed to the response in pieces of about this size.</summary>
    private const int FlushBytes = 64 * 1024;

    public async Task HandleAsync(string model, int? version, string? alias, string? id, HttpContext http, ICurrentTenant tenant,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var known = string.Empty;
        long rows = 0;
        try
        {
            var selector = ModelSelector.From(version, alias).ForPrediction(RoutingHeaders.KeyOf(http.Request));
            Binding.RequestBody.Limit(http, options.Value.MaxBatchBodyBytes);
            using var lease = await cache.AcquireAsync(tenant.Id, model, selector, cancellationToken).ConfigureAwait(false);
            known = lease.Model.Version.ModelName;
            var delimiter = IsTabSeparated(http.Request.ContentType) ? '\t' : ',';
            rows = await StreamAsync(lease.Model, log.Start(tenant.Id, lease), http, delimiter, id, options.Value.CsvLimits, cancellationToken)
                .ConfigureAwait(false);
            metrics.Record(ScoringProtocol.Csv, known, StatusCodes.Status200OK, started, rows);
        }
        catch (Exception ex) when (metrics.RecordFailure(ScoringProtocol.Csv, known, ex, started))
        {
            throw; // not reached: RecordFailure only records and returns false
        }
    }

    private static async Task<long> StreamAsync(ScoringModel model, PredictionLogRecorder.RowLog log, HttpContext http, char delimiter, string? id, CsvLimits limits,
        CancellationToken cancellationToken)
    {
        // The limits bound each record (fields, characters) while it is read; the pump bounds how many are in flight.
        using var csv = new CsvReader(http.Request.Body, delimiter, leaveOpen: true, limits);
        var fields = new List<string>();
        if (!await csv.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            throw new CsvFormatException(CsvErrorCodes.Empty, "The CSV is empty; it needs a header row", 0);
        }

        var mapping = CsvRowMapping.For(fields.ToArray(), model.Inputs, csv.RecordLine);
        var keep = KeptFields(mapping.Names, id);
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        var output = new CsvOutput(buffer, delimiter);
        output.WriteRow(keep.Select(i => mapping.Header[i]).ToArray(), CsvOutput.PredictionColumns(model.Output, keep.Select(i => mapping.Names[i]).ToArray(),
            log.Logs));

        var response = http.Response;
        response.ContentType = delimiter == '\t' ? "text/tab-separated-values; charset=utf-8" : "text/csv; charset=utf-8";
        response.Headers["X-Model-Name"] = model.Version.ModelName;
        response.Headers[RoutingHeaders.ModelVersion] = model.VersionText;
        long rows = 0;
        var session = model.Rent();
        try
        {
            await using var pump = new CsvRecordPump(csv, cancellationToken);
            while (await pump.NextAsync(cancellationToken).ConfigureAwait(false) is { } block)
            {
                for (var i = 0; i < block.Count; i++)
                {
                    var record = block.Records[i];
                    if (record.Count != mapping.Header.Count)
                    {
                        throw new CsvFormatException(CsvErrorCodes.RaggedRow,
                            $"The record has {record.Count} fields but the header has {mapping.Header.Count}", block.Lines[i]);
                    }

                    mapping.Bind(record, session.Row, block.Lines[i]);
                    session.Predict();
                    output.WriteRow(record, keep, model.Output, session.Output);
                    if (log.Logs)
                    {
                        output.EndRowWithId(log.Log(session));
                    }
                    else
                    {
                        output.EndRow();
                    }
                }

                rows += block.Count;
                pump.Recycle(block);
                if (buffer.WrittenCount >= FlushBytes)
                {
                    await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }
        }
        finally
        {
            model.Return(session);
        }

        if (rows == 0)
        {
            throw new CsvFormatException(CsvErrorCodes.HeaderOnly, "The CSV has a header but no rows to predict", 0);
        }

        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Every input field by default; with <c>?id=</c>, only that column (which must be in the header, found as model columns are).</summary>
    private static int[] KeptFields(IReadOnlyList<string> names, string? id)
    {
        if (id is null)
        {
            return Enumerable.Range(0, names.Count).ToArray();
        }

        var lookup = new ColumnNameLookup(names);
        var match = lookup.Find(id.Trim());
        return match.Kind switch
        {
            ColumnMatchKind.Exact or ColumnMatchKind.IgnoringCase => [match.Index],
            ColumnMatchKind.Ambiguous => throw new InvalidInputException("ambiguous-id-column",
                $"The CSV header names {string.Join(" and ", lookup.MatchesIgnoringCase(id.Trim()).Select(n => $"'{n}'"))}, which match the id '{id}' only ignoring case; name one exactly.", "id"),
            _ => throw new InvalidInputException("unknown-id-column", $"The CSV header has no column '{id}' to use as the id.", "id"),
        };
    }

    private static bool IsTabSeparated(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/tab-separated-values", StringComparison.OrdinalIgnoreCase);
}
