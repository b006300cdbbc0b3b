using System.Diagnostics;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Text;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Http;
using AutoMLPlatform.Scoring.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Embeddings;

/// <summary>
/// Sentence embeddings as a service: the process's shared encoder (<see cref="PretrainedNetworks"/>, loaded on first
/// use) encodes the texts on every core. The same for every tenant: the encoder is the platform's, not a tenant's model.
/// </summary>
internal sealed class EmbeddingsHandler(PretrainedNetworks networks, ScoringMetrics metrics, IOptions<ScoringOptions> options)
{
    public async Task<EmbeddingsResponse> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var model = string.Empty;
        try
        {
            var limits = options.Value;
            RequestBody.Limit(http, limits.MaxJsonBodyBytes);
            var reader = http.Request.BodyReader;
            var body = await RequestBody.ReadAllAsync(reader, limits.MaxJsonBodyBytes, cancellationToken).ConfigureAwait(false);
            EmbeddingsRequest request;
            try
            {
                request = EmbeddingsRequestReader.Read(body, limits.MaxEmbeddingInputs, limits.MaxEmbeddingTextLength);
            }
            finally
            {
                reader.AdvanceTo(body.End);
            }

            var encoder = await EncoderAsync(request.Model, cancellationToken).ConfigureAwait(false);
            model = encoder.Name;
            var vectors = await encoder.EmbedAllAsync(request.Inputs, cancellationToken).ConfigureAwait(false);
            metrics.Record(ScoringProtocol.Embeddings, model, StatusCodes.Status200OK, started, vectors.Length);
            return new EmbeddingsResponse(encoder.Name, encoder.Dimension, vectors);
        }
        catch (Exception ex) when (metrics.RecordFailure(ScoringProtocol.Embeddings, model, ex, started))
        {
            throw;
        }
    }

    /// <summary>The named encoder; its first use loads it (seconds) off the request thread. An unknown name is a 404.</summary>
    public async Task<SentenceEncoder> EncoderAsync(string name, CancellationToken cancellationToken)
    {
        var spec = SentenceEncoders.Find(name) ?? throw new ModelNotFoundException(
            $"There is no embedding model '{name}'. Known: {string.Join(", ", SentenceEncoders.All.Select(s => s.Name))}.");
        return networks.IsLoaded(spec.Name)
            ? networks.SentenceEncoder(spec.Name)
            : await Task.Run(() => networks.SentenceEncoder(spec.Name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Vectors of texts already parsed (the OIP model's tensor), checked against the same limits.</summary>
    public async Task<float[][]> EmbedAsync(SentenceEncoder encoder, IReadOnlyList<string> texts, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var limits = options.Value;
        EmbeddingsRequestReader.Check(texts, limits.MaxEmbeddingInputs, limits.MaxEmbeddingTextLength, field);
        return await encoder.EmbedAllAsync(texts, cancellationToken).ConfigureAwait(false);
    }
}
