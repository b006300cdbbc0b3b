using AutoMLPlatform.Insight.Drift;
using System.ComponentModel.DataAnnotations;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Torch.Images;

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

    /// <summary>
    /// Most fields one CSV batch record may have, and most input tensors one Open Inference Protocol request may carry.
    /// A longer record is answered 400 <c>csv-too-many-fields</c> after reading at most this many fields.
    /// </summary>
    /// <value>Defaults to <see cref="CsvLimits.DefaultMaxFields"/> (10,000).</value>
    [Range(1, 1_000_000)]
    public int MaxFieldsPerRow { get; set; } = CsvLimits.DefaultMaxFields;

    /// <summary>Most characters of one CSV batch record, all its fields together; a longer one is answered 400 <c>csv-record-too-long</c>.</summary>
    /// <value>Defaults to <see cref="CsvLimits.DefaultMaxRecordLength"/> (4 Mi characters).</value>
    [Range(CsvLimits.DefaultMaxFieldLength, int.MaxValue)]
    public int MaxRowCharacters { get; set; } = CsvLimits.DefaultMaxRecordLength;

    /// <summary>
    /// Largest image a prediction may send, in pixels (width times height, read from the image's header before any
    /// pixel is decoded); a larger one is answered 413 <c>image-too-large</c>.
    /// </summary>
    /// <value>Defaults to <see cref="ImageDecodeLimits.DefaultMaxPixels"/> (40 million, as image uploads).</value>
    [Range(1, int.MaxValue)]
    public long MaxImagePixels { get; set; } = ImageDecodeLimits.DefaultMaxPixels;

    /// <summary>
    /// Pixels all predictions of this process may be decoding at once: a decode waits (up to <see cref="ImageDecodeWait"/>,
    /// then 429 <c>image-decoding-busy</c>) until its pixels fit. Decoding holds about 5.4 bytes per pixel (RGBA plus the
    /// mipmaps used for resizing), so the default bounds decoding memory near 430 MB. At least <see cref="MaxImagePixels"/>.
    /// </summary>
    /// <value>Defaults to <see cref="ImageDecodeLimits.DefaultBudgetPixels"/> (80 million: two of the largest images at once).</value>
    [Range(1, long.MaxValue)]
    public long ImageDecodeBudgetPixels { get; set; } = ImageDecodeLimits.DefaultBudgetPixels;

    /// <summary>How long a prediction waits for room in <see cref="ImageDecodeBudgetPixels"/> before it is answered 429.</summary>
    /// <value>Defaults to 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ImageDecodeWait { get; set; } = ImageDecodeLimits.DefaultWait;

    /// <summary>The limits every CSV batch record is read with.</summary>
    public CsvLimits CsvLimits => new() { MaxFields = MaxFieldsPerRow, MaxRecordLength = MaxRowCharacters };

    /// <summary>The limits image predictions are decoded with.</summary>
    public ImageDecodeLimits ImageDecodeLimits => new() { MaxPixels = MaxImagePixels, BudgetPixels = ImageDecodeBudgetPixels, Wait = ImageDecodeWait };

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

    /// <summary>The prediction log's queue and background writer (<c>AutoMLPlatform:Scoring:PredictionLog</c>, docs/feedback.md).</summary>
    public PredictionLogOptions PredictionLog { get; set; } = new();

    /// <summary>Checks the nested sections, which data annotations alone do not visit.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Drift, new ValidationContext(Drift), results, validateAllProperties: true);
        var nested = results.Select(r => new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(Drift)}.{m}").ToArray())).ToList();
        var logging = new List<ValidationResult>();
        Validator.TryValidateObject(PredictionLog, new ValidationContext(PredictionLog), logging, validateAllProperties: true);
        nested.AddRange(logging.Select(r => new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{nameof(PredictionLog)}.{m}").ToArray())));
        return ImageDecodeBudgetPixels >= MaxImagePixels
            ? nested
            : nested.Append(new ValidationResult($"{nameof(ImageDecodeBudgetPixels)} ({ImageDecodeBudgetPixels}) must be at least {nameof(MaxImagePixels)} ({MaxImagePixels}): the largest image allowed must fit.",
                [nameof(ImageDecodeBudgetPixels)]));
    }
}
