using System.Globalization;
using System.Net.Http.Headers;
using AutoMLPlatform.Client.Datasets;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Feedback;

/// <summary>
/// The loop from production back to training (docs/feedback.md): switch a model's prediction log on, send the true
/// outcomes of logged predictions (a key with the <c>feedback</c> scope is enough), read a version's live quality, and
/// turn the predictions that have outcomes into a dataset version to retrain on.
/// </summary>
public sealed class FeedbackClient
{
    /// <summary>The most outcomes one <see cref="SendAsync"/> call takes; <see cref="SendCsvAsync"/> has no limit.</summary>
    public const int MaxOutcomesPerCall = 10_000;

    private readonly ApiConnection _api;

    internal FeedbackClient(ApiConnection api) => _api = api;

    /// <summary>Whether and how the model logs its predictions (off until switched on).</summary>
    public Task<PredictionLogSettings> GetLogSettingsAsync(string model, CancellationToken cancellationToken = default) =>
        _api.SendAsync<PredictionLogSettings>(ApiRoutes.GetPredictionLog, ApiRoutes.GetPredictionLog.Path(model), null, cancellationToken);

    /// <summary>Switches the model's prediction log (every version); <see cref="PredictionLogSettings.Off"/> stops it. Audited.</summary>
    public Task<PredictionLogSettings> SetLogSettingsAsync(string model, PredictionLogSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _api.SendAsync<PredictionLogSettings>(ApiRoutes.SetPredictionLog, ApiRoutes.SetPredictionLog.Path(model), ApiConnection.Json(settings), cancellationToken);
    }

    /// <summary>
    /// Sends up to <see cref="MaxOutcomesPerCall"/> outcomes. Good rows are stored and bad ones reported per row in
    /// the result (nothing is thrown for them); only a whole-call error (unknown model, too many rows) throws.
    /// </summary>
    public Task<FeedbackResult> SendAsync(string model, IEnumerable<Outcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var rows = outcomes.Select(o => new OutcomeRow(o.PredictionId.ToString(), o.Label, o.Value, o.ObservedAt)).ToArray();
        return _api.SendAsync<FeedbackResult>(ApiRoutes.SendFeedback, ApiRoutes.SendFeedback.Path(model), ApiConnection.Json(rows), cancellationToken);
    }

    /// <summary>
    /// Streams a CSV back-fill of any length (header <c>predictionId,label</c> or <c>predictionId,value</c>, optionally
    /// <c>observedAt</c>). The platform stores it in slices as it reads: a malformed record throws, keeping the slices
    /// before it (sending the file again is safe: the later outcome wins). <paramref name="csv"/> is left open.
    /// </summary>
    public Task<FeedbackResult> SendCsvAsync(string model, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var content = new ProgressContent(csv, null);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return _api.SendAsync<FeedbackResult>(ApiRoutes.SendFeedback, ApiRoutes.SendFeedback.Path(model), content, cancellationToken);
    }

    /// <summary>
    /// The version's live metrics over [<paramref name="from"/>, <paramref name="to"/>) (by default the last 7 days),
    /// in total and per <paramref name="window"/>.
    /// </summary>
    public Task<LiveQuality> GetQualityAsync(string model, int version, DateTimeOffset? from = null, DateTimeOffset? to = null,
        QualityGranularity window = QualityGranularity.Day, CancellationToken cancellationToken = default)
    {
        var path = Query.Of(ApiRoutes.VersionQuality.Path(model, version), ("from", Iso(from)), ("to", Iso(to)),
            ("window", window == QualityGranularity.Hour ? "hour" : "day"));
        return _api.SendAsync<LiveQuality>(ApiRoutes.VersionQuality, path, null, cancellationToken);
    }

    /// <summary>
    /// Adds a version to <paramref name="dataset"/> (made if new) holding the version's logged predictions in
    /// [<paramref name="from"/>, <paramref name="to"/>) that have outcomes (by default the last 30 days): its input columns
    /// and its label column with the true outcome, ready to retrain on.
    /// </summary>
    public Task<Dataset> CreateDatasetAsync(string model, int version, string dataset, DateTimeOffset? from = null, DateTimeOffset? to = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        return _api.SendAsync<Dataset>(ApiRoutes.FeedbackDataset, ApiRoutes.FeedbackDataset.Path(model, version),
            ApiConnection.Json(new { dataset, from, to }), cancellationToken);
    }

    private static string? Iso(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);

    private sealed record OutcomeRow(string PredictionId, string? Label, double? Value, DateTimeOffset? ObservedAt);
}
