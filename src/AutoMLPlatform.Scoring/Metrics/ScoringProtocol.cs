namespace AutoMLPlatform.Scoring.Metrics;

/// <summary>Which prediction API a request came through; a metric label.</summary>
internal enum ScoringProtocol
{
    /// <summary><c>POST /api/predict/{model}</c>, JSON.</summary>
    Json,

    /// <summary><c>POST /api/predict/{model}/batch</c>, CSV.</summary>
    Csv,

    /// <summary><c>/v2/models/{name}/infer</c>, the Open Inference Protocol.</summary>
    Oip,

    /// <summary><c>POST /api/embeddings</c> and the sentence encoders' OIP models.</summary>
    Embeddings,
}
