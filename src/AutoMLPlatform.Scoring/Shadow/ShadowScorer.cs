using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.PredictionLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Globalization;

namespace AutoMLPlatform.Scoring.Shadow;

/// <summary>
/// Scores queued rows with their alias's shadow version, off the request path, and puts each output into the
/// prediction log marked as a shadow row (never into an answer). The shadow binds the answering version's values to
/// its own columns by name (the same rule as every input format); a column the answering version did not read is
/// missing. A row whose shadow was retired before its turn, or that the shadow cannot score, is counted as dropped.
/// </summary>
internal sealed partial class ShadowScorer(ShadowQueue queue, PredictionLogQueue log, ILogger<ShadowScorer> logger) : BackgroundService
{
    private InputColumns? _from;
    private InputColumns? _to;
    private int[] _map = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (queue.Reader.TryRead(out var row))
                {
                    Score(row);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: rows still queued are not shadowed, as when the queue is full.
        }
    }

    private void Score(ShadowRow row)
    {
        var shadow = row.Shadow;
        if (!shadow.TryAcquire())
        {
            queue.CountDropped();
            return;
        }

        try
        {
            var session = shadow.Rent();
            try
            {
                Bind(row, session.Row);
                session.Predict();
                log.TryEnqueue(PendingPrediction.CopyShadow(row.Tenant, shadow, session, row.At, row.Answered));
                queue.CountHandled();
            }
            finally
            {
                shadow.Return(session);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A shadow that cannot score a row costs that row's shadow output, never the scorer.
            queue.CountDropped();
            LogShadowFailed(logger, shadow.Version.ModelName, shadow.Version.Version, ex);
        }
        finally
        {
            shadow.Release();
        }
    }

    private void Bind(ShadowRow row, RowTarget target)
    {
        var map = MapFor(row.Columns, target.Columns);
        for (var i = 0; i < map.Length; i++)
        {
            var from = map[i];
            if (from < 0)
            {
                target.SetMissing(i);
            }
            else if (target.Columns.IsNumeric(i))
            {
                target.SetNumber(i, row.Columns.IsNumeric(from) ? row.Numbers[from] : ParseNumber(row.Texts[from]));
            }
            else
            {
                target.SetText(i, row.Columns.IsNumeric(from) ? FormatNumber(row.Numbers[from]) : row.Texts[from]);
            }
        }
    }

    /// <summary>For each shadow column, the answering version's column of that name, or −1; kept while the pair repeats (the usual case).</summary>
    private int[] MapFor(InputColumns from, InputColumns to)
    {
        if (from == _from && to == _to)
        {
            return _map;
        }

        _map = to.Columns.Select(c => from.Find(c.Name) is { Kind: ColumnMatchKind.Exact or ColumnMatchKind.IgnoringCase } match ? match.Index : -1).ToArray();
        (_from, _to) = (from, to);
        return _map;
    }

    private static float ParseNumber(string text) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : float.NaN;

    private static string FormatNumber(float value) => float.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow version {Version} of model {ModelName} failed to score a row; its output is dropped")]
    private static partial void LogShadowFailed(ILogger logger, string modelName, int version, Exception exception);
}
