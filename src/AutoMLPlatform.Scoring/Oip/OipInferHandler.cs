using System.Buffers;
using System.Diagnostics;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Metrics;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Scoring.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Oip;

/// <summary><c>POST /v2/models/{name}[/versions/{v}]/infer</c>: columnar tensors in, columnar tensors out, with one pooled session.</summary>
internal sealed class OipInferHandler(ModelCache cache, ScoringMetrics metrics, ObjectPool<ResponseBuffer> buffers, IOptions<ScoringOptions> options,
    IOptions<HostingOptions> hosting, PredictionLogRecorder log)
{
    /// <summary>The header of the binary tensor data extension, which this server does not implement.</summary>
    private const string BinaryHeader = "Inference-Header-Content-Length";

    public async Task HandleAsync(string name, ModelSelector selector, HttpContext http, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var known = string.Empty;
        try
        {
            if (http.Request.Headers.ContainsKey(BinaryHeader))
            {
                throw new InvalidInputException("binary-data-unsupported", "Binary tensor data is not supported; send the tensors as JSON data.", BinaryHeader);
            }

            var limits = options.Value;
            var request = await InferRequestBody.ReadAsync(http, limits.MaxJsonBodyBytes,
                new InferRequestLimits(limits.MaxRowsPerRequest, limits.MaxFieldsPerRow, hosting.Value.MaxJsonDepth), cancellationToken).ConfigureAwait(false);

            // The alias's canary answers its share here too (by X-Routing-Key), and its shadow scores the rows as on the JSON path.
            using var lease = await cache.AcquireAsync(tenant.Id, name, selector.ForPrediction(RoutingHeaders.KeyOf(http.Request)), cancellationToken).ConfigureAwait(false);
            var model = lease.Model;
            known = model.Version.ModelName;
            var binder = TensorBinder.For(request, model.Inputs, limits.MaxRowsPerRequest);
            var rowLog = log.Start(tenant.Id, lease);
            var outputs = OipOutput.Select(model.Output, request.Outputs);
            outputs = rowLog.Logs ? [.. outputs, OipOutput.LoggedId] : outputs;
            var answers = Predict(model, binder, rowLog);

            var buffer = buffers.Get();
            answers.Write(buffer.Json, model, request.Id, outputs, binder.Rows);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers[RoutingHeaders.ModelVersion] = model.VersionText;
            http.Response.ContentLength = buffer.WrittenSpan.Length;
            http.Response.BodyWriter.Write(buffer.WrittenSpan);
            buffers.Return(buffer);
            metrics.Record(ScoringProtocol.Oip, known, StatusCodes.Status200OK, started, binder.Rows);
        }
        catch (Exception ex) when (metrics.RecordFailure(ScoringProtocol.Oip, known, ex, started))
        {
            throw; // not reached: RecordFailure only records and returns false
        }
    }

    private static InferResponseWriter Predict(ScoringModel model, TensorBinder binder, PredictionLogRecorder.RowLog rowLog)
    {
        var answers = new InferResponseWriter(model.Output, binder.Rows);
        var session = model.Rent();
        try
        {
            for (var row = 0; row < binder.Rows; row++)
            {
                binder.Bind(row, session.Row);
                session.Predict();
                answers.Add(row, session.Output);
                answers.AddId(row, rowLog.Log(session));
            }
        }
        finally
        {
            model.Return(session);
        }

        return answers;
    }
}
