using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Predictions;

/// <summary>
/// Predictions: typed rows (<see cref="PredictAsync{TIn, TOut}"/>), dictionaries, and CSV batches streamed both ways.
/// Input fields bind to the model's columns by name, any case (use <c>[JsonPropertyName("bill_length_mm")]</c> on a
/// property whose name differs); a null is a missing value.
/// </summary>
public sealed class PredictionsClient
{
    private readonly ApiConnection _api;

    internal PredictionsClient(ApiConnection api) => _api = api;

    /// <summary>One row in, its prediction out as <typeparamref name="TOut"/> (e.g. a record with <c>PredictedLabel</c> and <c>Probabilities</c>).</summary>
    public Task<TOut> PredictAsync<TIn, TOut>(string model, TIn row, PredictOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<TOut>(ApiRoutes.Predict, PathOf(model, options), ApiConnection.Json(row), cancellationToken, options?.RoutingKey);

    /// <summary>Several rows in one call; their predictions in the same order.</summary>
    public async Task<IReadOnlyList<TOut>> PredictManyAsync<TIn, TOut>(string model, IEnumerable<TIn> rows, PredictOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var answer = await _api.SendAsync<Many<TOut>>(ApiRoutes.Predict, PathOf(model, options), ApiConnection.Json(rows.ToArray()), cancellationToken,
            options?.RoutingKey).ConfigureAwait(false);
        return answer.Predictions;
    }

    /// <summary>One row given as column → value (numbers, strings, booleans, null for missing).</summary>
    public Task<Prediction> PredictAsync(string model, IReadOnlyDictionary<string, object?> row, PredictOptions? options = null,
        CancellationToken cancellationToken = default) =>
        PredictAsync<IReadOnlyDictionary<string, object?>, Prediction>(model, row, options, cancellationToken);

    /// <summary>Several rows given as column → value.</summary>
    public async Task<PredictionBatch> PredictManyAsync(string model, IEnumerable<IReadOnlyDictionary<string, object?>> rows, PredictOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var answer = await _api.SendAsync<Many<Prediction>>(ApiRoutes.Predict, PathOf(model, options), ApiConnection.Json(rows.ToArray()), cancellationToken,
            options?.RoutingKey).ConfigureAwait(false);
        return new PredictionBatch(answer.Model, answer.Version, answer.Predictions.Select(p => p with { Model = answer.Model, Version = answer.Version }).ToArray());
    }

    /// <summary>Rows as raw JSON (one object or an array of them); the platform's answer as JSON.</summary>
    public Task<JsonElement> PredictJsonAsync(string model, JsonElement rows, PredictOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<JsonElement>(ApiRoutes.Predict, PathOf(model, options), ApiConnection.Json(rows), cancellationToken, options?.RoutingKey);

    /// <summary>
    /// Streams a CSV file (with a header row) to the model and its rows with prediction columns appended into
    /// <paramref name="destination"/>, without holding either in memory. <paramref name="csv"/> is left open; one that
    /// cannot seek is not retried after a 429 or 503.
    /// </summary>
    public async Task<BatchPredictionResult> PredictCsvAsync(string model, Stream csv, Stream destination, BatchPredictOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(destination);
        var content = new ProgressContent(csv, null);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var path = Query.Of(ApiRoutes.PredictBatch.Path(model), ("version", options?.Version), ("alias", options?.Alias), ("id", options?.IdColumn));
        using var response = await _api.SendStreamingAsync(ApiRoutes.PredictBatch, path, content, cancellationToken, options?.RoutingKey).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        var name = response.Headers.TryGetValues("X-Model-Name", out var names) ? names.FirstOrDefault() : null;
        var version = response.Headers.TryGetValues("X-Model-Version", out var versions) &&
            int.TryParse(versions.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        return new BatchPredictionResult(name ?? model, version);
    }

    /// <summary>The vectors of <paramref name="texts"/> from the platform's pretrained sentence encoder (<c>POST /api/embeddings</c>).</summary>
    public async Task<Embeddings> EmbedAsync(IEnumerable<string> texts, string model = DefaultEncoder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var answer = await _api.SendAsync<EmbeddingsAnswer>(ApiRoutes.Embeddings, ApiRoutes.Embeddings.Path(), ApiConnection.Json(new { model, inputs = texts.ToArray() }),
            cancellationToken).ConfigureAwait(false);
        return new Embeddings(answer.Model, answer.Dimension, answer.Embeddings);
    }

    /// <summary>The sentence encoder the platform ships.</summary>
    public const string DefaultEncoder = "all-MiniLM-L6-v2";

    private static string PathOf(string model, PredictOptions? options) =>
        Query.Of(ApiRoutes.Predict.Path(model), ("version", options?.Version), ("alias", options?.Alias), ("explain", options is { Explain: true } ? true : null));

    private sealed record Many<T>(string Model, int Version, IReadOnlyList<T> Predictions);

    private sealed record EmbeddingsAnswer(string Model, int Dimension, IReadOnlyList<float[]> Embeddings);
}
