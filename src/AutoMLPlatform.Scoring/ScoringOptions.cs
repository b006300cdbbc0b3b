using System.ComponentModel.DataAnnotations;
using AutoMLPlatform.Scoring.Drift;

namespace AutoMLPlatform.Scoring;

/// <summary>How the scoring service loads, pools and reloads models. Bound from <c>AutoMLPlatform:Scoring</c>.</summary>
public sealed class ScoringOptions : IValidatableObject
{
    public const string SectionName = "AutoMLPlatform:Scoring";

    /// <summary>How often the registry is polled for moved aliases.</summary>
    /// <value>Defaults to 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ReloadPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A loaded version no alias points at is unloaded after this long without requests.</summary>
    /// <value>Defaults to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleUnloadAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Prediction engines made, warmed and kept per model version. Predictions run on thread-pool threads, and the pool
    /// may run more than one per core under load; an engine beyond this number is made for the burst and dropped after
    /// (<c>scoring_engines_created_total</c> shows it), which costs milliseconds, so the default leaves room.
    /// </summary>
    /// <value>Defaults to four times the processor count.</value>
    [Range(1, 1024)]
    public int EnginesPerModel { get; set; } = Environment.ProcessorCount * 4;

    /// <summary>Most rows one JSON prediction request (ours or an Open Inference Protocol batch) may carry.</summary>
    /// <value>Defaults to 10,000.</value>
    [Range(1, 1_000_000)]
    public int MaxRowsPerRequest { get; set; } = 10_000;

    /// <summary>
    /// Most rows one <c>?explain=true</c> request may carry; more are answered 400. Explaining a row scores up to
    /// 1,024 variants of it (<see cref="Explaining.RowExplainer.SamplingBudget"/>), so this bounds a request's CPU.
    /// </summary>
    /// <value>Defaults to 10.</value>
    [Range(1, 1000)]
    public int MaxExplainRowsPerRequest { get; set; } = 10;

    /// <summary>Largest JSON prediction body (ours and the Open Inference Protocol's), in bytes; larger bodies are answered 413.</summary>
    /// <value>Defaults to 16 MiB.</value>
    [Range(1024, long.MaxValue)]
    public long MaxJsonBodyBytes { get; set; } = 16L << 20;

    /// <summary>Largest CSV batch body, in bytes; larger bodies are answered 413 (or cut off once streaming began).</summary>
    /// <value>Defaults to 4 GiB.</value>
    [Range(1024, long.MaxValue)]
    public long MaxBatchBodyBytes { get; set; } = 4L << 30;

    /// <summary>Most texts one embeddings request (<c>POST /api/embeddings</c> or its OIP model) may carry; more are answered 413.</summary>
    /// <value>Defaults to 256.</value>
    [Range(1, 100_000)]
    public int MaxEmbeddingInputs { get; set; } = 256;

    /// <summary>
    /// Longest text, in characters, an embeddings request may carry; longer ones are answered 400. The encoder reads only
    /// its first 128 tokens (about 500 characters of English) anyway, so this only bounds the work of tokenizing.
    /// </summary>
    /// <value>Defaults to 20,000.</value>
    [Range(1, 10_000_000)]
    public int MaxEmbeddingTextLength { get; set; } = 20_000;

    /// <summary>Drift monitoring (<c>AutoMLPlatform:Scoring:Drift</c>).</summary>
    public DriftOptions Drift { get; set; } = new();

    /// <summary>Checks the nested sections, which data annotations alone do not visit.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Drift, new ValidationContext(Drift), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(Drift)}.{m}").ToArray()));
    }
}
