using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.AutoML.Validation;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Text;

namespace AutoMLPlatform.AutoML.Settings;

/// <summary>What an experiment is asked to do. Checked once, when the experiment is created.</summary>
public sealed class ExperimentSettings
{
    /// <summary>The column to predict.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>The task, or null to infer it from the label.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The metric to optimise, or null for the task's default (AUC, log loss, RMSE).</summary>
    public MetricKind? Metric { get; init; }

    /// <summary>Wall time for the whole experiment, the final refit included.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Stop after this many trials even when time is left; null for no limit. With a limit set, the search
    /// decides by estimated costs rather than measured times, so a seed repeats the run exactly as long as the
    /// budget does not cut it short.
    /// </summary>
    public int? MaxTrials { get; init; }

    /// <summary>Seed for splits, tuners and every trial's <c>MLContext</c>.</summary>
    /// <value>Defaults to 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>How trials are validated.</summary>
    /// <value>Defaults to <see cref="ValidationKind.Auto"/>: k-fold on small tables, holdout on large ones.</value>
    public ValidationKind Validation { get; init; } = ValidationKind.Auto;

    /// <summary>Folds of k-fold cross-validation.</summary>
    /// <value>Defaults to 5.</value>
    public int Folds { get; init; } = 5;

    /// <summary>Share of rows held out for validation in a holdout.</summary>
    /// <value>Defaults to 0.2.</value>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>The search strategy.</summary>
    /// <value>Defaults to <see cref="TunerKind.CostFrugal"/>, which won the engine's benchmark (docs/automl.md).</value>
    public TunerKind Tuner { get; init; } = TunerKind.CostFrugal;

    /// <summary>
    /// Names of the ML.NET trainers the search may use (any case; see <see cref="KnownTrainers"/>); null for all that
    /// fit the task, an empty list for none (only <see cref="ExternalTrainers"/> then compete).
    /// </summary>
    public IReadOnlyList<string>? Trainers { get; init; }

    /// <summary>Try an average of the best trials at the end, kept only when it validates better than the best single one.</summary>
    /// <value>Defaults to true.</value>
    public bool Ensemble { get; init; } = true;

    /// <summary>
    /// Choose only what exports to ONNX with ML.NET's converter, so the returned model always does: no ensemble, no
    /// log-target choice for regression, no LightGBM categorical splits, date columns left out (their date parts are a
    /// custom mapping), and no <see cref="ExternalTrainers"/> (TorchSharp networks have no ONNX form). Every ML.NET
    /// trainer stays. See docs/insight.md for the table of steps that export.
    /// </summary>
    /// <value>Defaults to false.</value>
    public bool RequireOnnx { get; init; }

    /// <summary>Whether the search may end with an ensemble: asked for, and allowed by <see cref="RequireOnnx"/>.</summary>
    internal bool EnsembleAllowed => Ensemble && !RequireOnnx;

    /// <summary>The external trainers that take part: none under <see cref="RequireOnnx"/>.</summary>
    internal IReadOnlyList<IExternalTrainer> CompetingExternalTrainers => RequireOnnx ? [] : ExternalTrainers;

    /// <summary>Stop a trial when the process's resident memory exceeds this; null for 80 % of the memory available to the process.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>
    /// The process's pretrained networks. With them, free-text columns may also become sentence vectors
    /// (<see cref="SentenceEncoder"/>): the search then chooses per trial among n-grams, the vectors, or both, when
    /// encoding every distinct text fits half the budget (measured at the start). Null: n-grams only. Not used under
    /// <see cref="RequireOnnx"/>: the encoder has no ONNX form here.
    /// </summary>
    public PretrainedNetworks? Pretrained { get; init; }

    /// <summary>
    /// The featurizations of free text the search may use; null for every one available (n-grams, and with
    /// <see cref="Pretrained"/> the sentence vectors alone or beside them). When none of those allowed is available
    /// (embeddings not offered), n-grams are used.
    /// </summary>
    public IReadOnlyList<TextFeatures>? TextFeatures { get; init; }

    /// <summary>The sentence encoder used with <see cref="Pretrained"/>.</summary>
    /// <value>Defaults to all-MiniLM-L6-v2.</value>
    public string SentenceEncoder { get; init; } = SentenceEncoders.Default.Name;

    /// <summary>Trainers from outside the engine (e.g. TorchSharp networks) that compete in the same search and budget.</summary>
    public IReadOnlyList<IExternalTrainer> ExternalTrainers { get; init; } = [];

    /// <summary>
    /// The tenant's keyed hash, for the columns the dataset's schema marks for hashing
    /// (<see cref="SensitiveHandling.Hash"/>): their values are replaced by hashes before any trial sees them, and the
    /// returned model hashes them the same way in front of its ML.NET part. Required when such columns exist.
    /// </summary>
    public IKeyedHasher? KeyedHasher { get; init; }

    /// <summary>The names <see cref="Trainers"/> accepts.</summary>
    public static IReadOnlyList<string> KnownTrainers => TrainerCatalog.Names;

    /// <summary>Throws for settings no experiment can run with; a user-supplied trainer name that is unknown is an input error.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumn);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeBudget, TimeSpan.Zero);
        if (MaxTrials is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(MaxTrials));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Folds, 20);
        if (!(ValidationFraction is > 0 and <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "The validation share must be in (0, 0.5].");
        }

        if (MemoryLimitBytes is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, 0, nameof(MemoryLimitBytes));
        }

        ArgumentNullException.ThrowIfNull(ExternalTrainers);
        if (SentenceEncoders.Find(SentenceEncoder) is null)
        {
            throw new InvalidInputException("unknown-sentence-encoder",
                $"Unknown sentence encoder '{SentenceEncoder}'. Known: {string.Join(", ", SentenceEncoders.All.Select(e => e.Name))}.", "sentenceEncoder");
        }

        var unknown = Trainers?.Where(t => !KnownTrainers.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray() ?? [];
        if (unknown.Length > 0)
        {
            throw new InvalidInputException("unknown-trainer",
                $"Unknown trainer '{unknown[0]}'. Known trainers: {string.Join(", ", KnownTrainers)}.", "trainers");
        }
    }
}
