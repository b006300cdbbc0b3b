using AutoMLPlatform.Core.Common;
using System.Globalization;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// Checks a slice of feedback rows against the predictions they name and stores the good ones. A row must name a
/// prediction of this tenant's model (anything else, another tenant's id included, is 404 for that row with nothing
/// written) and carry the outcome in the type of the version that answered: a known class name for classification,
/// a number for regression. Rows are independent: the bad ones are reported, the rest stored.
/// </summary>
internal sealed class FeedbackIntake(IPredictionLogStore store, IModelRegistry registry, TimeProvider time)
{
    /// <summary>Most rows one JSON call takes; more is 413.</summary>
    public const int MaxRowsPerCall = 10_000;

    /// <summary>Most refused rows listed in the answer to a CSV back-fill (all are counted).</summary>
    public const int MaxReportedCsvRows = 100;

    /// <summary>Checks and stores <paramref name="rows"/> (at most <see cref="MaxRowsPerCall"/>); one result per row, in order, indexed from <paramref name="firstIndex"/>.</summary>
    public async Task<IReadOnlyList<FeedbackRowResult>> TakeAsync(TenantId tenant, string modelName, IReadOnlyList<FeedbackInput> rows, int firstIndex,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var results = new FeedbackRowResult?[rows.Count];
        var parsed = new PredictionFeedback?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            (parsed[i], results[i]) = Parse(rows[i], firstIndex + i, now);
        }

        var ids = parsed.Where(p => p is not null).Select(p => p!.Id).ToArray();
        var versions = await store.FindVersionsAsync(tenant, modelName, ids, cancellationToken).ConfigureAwait(false);
        var shapes = new Dictionary<int, ModelVersion?>();
        var accepted = new List<(int Row, PredictionFeedback Feedback)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (parsed[i] is not { } feedback)
            {
                continue;
            }

            if (!versions.TryGetValue(feedback.Id, out var version))
            {
                results[i] = Refused(firstIndex + i, rows[i], 404, "unknown-prediction", $"No prediction of model '{modelName}' has the id {feedback.Id}.");
                continue;
            }

            if (!shapes.TryGetValue(version, out var shape))
            {
                shape = await registry.FindVersionAsync(tenant, modelName, version, cancellationToken).ConfigureAwait(false);
                shapes[version] = shape;
            }

            results[i] = Check(shape, rows[i], firstIndex + i);
            if (results[i] is null)
            {
                accepted.Add((i, feedback));
            }
        }

        var outcomes = await store.AddFeedbackAsync(tenant, modelName, accepted.Select(a => a.Feedback).ToArray(), now, cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < accepted.Count; k++)
        {
            var row = accepted[k].Row;
            results[row] = outcomes[k] switch
            {
                FeedbackOutcome.Accepted => new FeedbackRowResult(firstIndex + row, rows[row].PredictionId, 200, "accepted", null, null),
                FeedbackOutcome.Replaced => new FeedbackRowResult(firstIndex + row, rows[row].PredictionId, 200, "replaced", null, null),
                // Deleted by retention between the lookup and the write.
                _ => Refused(firstIndex + row, rows[row], 404, "unknown-prediction", $"No prediction of model '{modelName}' has the id {rows[row].PredictionId}."),
            };
        }

        return results!;
    }

    private static (PredictionFeedback?, FeedbackRowResult?) Parse(FeedbackInput row, int index, DateTimeOffset now)
    {
        if (!PredictionId.TryParse(row.PredictionId, out var id))
        {
            return (null, Refused(index, row, 400, "invalid-prediction-id", "predictionId must be the id a prediction answered with."));
        }

        var observedAt = now;
        if (row.ObservedAt is not null && !DateTimeOffset.TryParse(row.ObservedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out observedAt))
        {
            return (null, Refused(index, row, 400, "invalid-observed-at", "observedAt must be an ISO 8601 time."));
        }

        var outcomes = (row.Label is null ? 0 : 1) + (row.Value is null && row.ValueText is null ? 0 : 1);
        return outcomes != 1
            ? (null, Refused(index, row, 400, "missing-outcome", "Give exactly one of label (classification) or value (regression)."))
            : (new PredictionFeedback(id, row.Label, row.Value, observedAt), null);
    }

    /// <summary>Null when the outcome fits the version's task and classes; otherwise the refusal.</summary>
    private static FeedbackRowResult? Check(ModelVersion? version, FeedbackInput row, int index)
    {
        if (version is null)
        {
            return Refused(index, row, 404, "unknown-prediction", "The version that made this prediction is gone.");
        }

        if (version.Task == TaskKind.Regression)
        {
            return row.Value is { } value && double.IsFinite(value)
                ? null
                : Refused(index, row, 400, RequestErrorCodes.WrongType, $"Model '{version.ModelName}' predicts a number: send value as a finite number.");
        }

        if (row.Label is null)
        {
            return Refused(index, row, 400, RequestErrorCodes.WrongType, $"Model '{version.ModelName}' predicts a class: send label, one of {string.Join(", ", version.Classes)}.");
        }

        return version.Classes.Contains(row.Label, StringComparer.Ordinal)
            ? null
            : Refused(index, row, 400, "unknown-class", $"'{row.Label}' is not a class of version {version.Version}: {string.Join(", ", version.Classes)}.");
    }

    private static FeedbackRowResult Refused(int index, FeedbackInput row, int status, string errorCode, string detail) =>
        new(index, row.PredictionId, status, null, errorCode, detail);
}
