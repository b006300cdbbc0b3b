using System.Diagnostics;
using System.Globalization;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// The search of an image job, within its time limit. Two families compete on one stratified validation split:
/// ResNet18 features with a linear head (offered when extracting every image's features fits
/// <see cref="Options.ResNetShare"/> of the budget, timed on a few images first; extracted once, then the head trains
/// in seconds), and the from-scratch network (<see cref="ImageClassificationTrainer"/>). The from-scratch network
/// then uses what is left: when a run stops early with 5 s or more left, another runs with the next seed, twice the
/// patience and twice the epochs, until the budget is spent or a run is cut by the time limit; with two runs or more,
/// their average (<see cref="ScratchEnsemble"/>) is a candidate too. The model with the best validation score (ties:
/// lower log loss) is kept; the others are disposed as soon as they lose.
/// </summary>
public sealed class ImageSearch
{
    public const string ScratchTrainer = "TorchImageClassifier";
    public const string ResNetTrainer = "ResNet18Features";
    public const string EnsembleTrainer = "TorchImageClassifierEnsemble";

    private static readonly TimeSpan MinRound = TimeSpan.FromSeconds(5);

    /// <summary>The first from-scratch run's time limit when the budget is (nearly) spent before it starts.</summary>
    private static readonly TimeSpan MinimumFirstRun = TimeSpan.FromSeconds(1);

    private readonly MLContext _mlContext;
    private readonly Options _options;
    private readonly PretrainedNetworks? _pretrained;
    private readonly ImageDecodeBudget _budget;

    /// <param name="mlContext">Builds the models' ML.NET stages.</param>
    /// <param name="options">Time limit, seed, metric.</param>
    /// <param name="pretrained">The process's networks; null leaves ResNet18 features out.</param>
    /// <param name="budget">Where the chosen model decodes images when it predicts; default limits when null.</param>
    public ImageSearch(MLContext mlContext, Options options, PretrainedNetworks? pretrained, ImageDecodeBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TimeLimit, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxScratchRounds, nameof(options));
        (_mlContext, _options, _pretrained) = (mlContext, options, pretrained);
        _budget = budget ?? new ImageDecodeBudget(ImageDecodeLimits.Default);
    }

    /// <summary>Trains the candidates on <paramref name="data"/>, reporting every epoch of each, and returns the best.</summary>
    public ImageSearchResult Run(ImageDataset data, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        var (train, validation) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(data.Labels), TorchTrainingOptions.DefaultValidationFraction, _options.Seed);
        var candidates = new List<TrainingCandidate>();
        var notes = new List<string>();
        var scratch = new List<ImageClassificationTransformer>();
        (string Trainer, TorchClassifierTransformer Model)? best = null;
        void Offer(string trainer, TorchClassifierTransformer model)
        {
            candidates.Add(new TrainingCandidate(trainer, model.Training!));
            if (best is { } incumbent && !IsBetter(model.Training!, incumbent.Model.Training!))
            {
                model.Dispose();
                return;
            }

            best?.Model.Dispose();
            best = (trainer, model);
        }

        try
        {
            var features = new ResNetCandidate(_mlContext, _options, _budget, notes);
            if (_pretrained is null)
            {
                notes.Add("ResNet18 features: not offered (no pretrained networks here)");
            }
            else if (features.Train(_pretrained, data, train, validation, _options.TimeLimit - clock.Elapsed, progress, cancellationToken) is { } resnet)
            {
                Offer(ResNetTrainer, resnet);
            }

            // A later run gets whatever is left, at least MinRound: its schedule is planned to fit that time, and it only
            // counts if it (or the average) validates better. With no model yet the first run always trains, however
            // little time is left (a 10 s job spends some of it decoding): a job must end with a model.
            for (var round = 0; _options.ScratchNetwork && round < _options.MaxScratchRounds; round++)
            {
                var remaining = _options.TimeLimit - clock.Elapsed;
                if (remaining < MinRound && (round > 0 || best is not null))
                {
                    break;
                }

                var limit = remaining > MinimumFirstRun ? remaining : MinimumFirstRun;
                scratch.Add(Scratch(round, limit).Fit(data, train, validation, progress, cancellationToken));
                if (scratch[^1].Training!.StoppedBecause == "time-limit")
                {
                    break;
                }
            }

            // The runs' average competes too; it copies their weights, so each run can then be offered (and dropped) alone.
            var ensemble = scratch.Count > 1 ? ScratchEnsemble.Build(_mlContext, data, scratch, validation, _options.ImageColumn) : null;
            foreach (var model in scratch)
            {
                Offer(ScratchTrainer, model);
            }

            scratch.Clear();
            if (ensemble is not null)
            {
                Offer(EnsembleTrainer, ensemble);
            }
        }
        catch
        {
            best?.Model.Dispose();
            scratch.ForEach(m => m.Dispose());
            throw;
        }

        var chosen = best ?? throw new InvalidOperationException("The image search trained no model within its time limit.");
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"chose {chosen.Trainer} of {candidates.Count} candidates in {clock.Elapsed.TotalSeconds:F1} s"));
        return new ImageSearchResult(chosen.Model, chosen.Trainer, candidates, notes);
    }

    /// <summary>Round 0 is the default network; each later round a new seed with twice the patience and epochs (capped).</summary>
    private ImageClassificationTrainer Scratch(int round, TimeSpan remaining) => new(_mlContext, new ImageClassificationTrainer.Options
    {
        ImageColumn = _options.ImageColumn,
        LabelColumn = _options.LabelColumn,
        TimeLimit = remaining,
        Seed = _options.Seed + round,
        Patience = Math.Min(TorchTrainingOptions.DefaultPatience << round, 32),
        MaxEpochs = Math.Min(TorchTrainingOptions.DefaultMaxEpochs << round, 240),
    });

    private bool IsBetter(TrainingSummary candidate, TrainingSummary incumbent)
    {
        var name = Metrics.NameOf(_options.Metric);
        var a = candidate.ValidationMetrics.GetValueOrDefault(name, double.NaN);
        var b = incumbent.ValidationMetrics.GetValueOrDefault(name, double.NaN);
        if (double.IsNaN(b) || (!double.IsNaN(a) && a != b))
        {
            return double.IsNaN(b) || Metrics.IsBetter(_options.Metric, a, b);
        }

        var logLoss = Metrics.NameOf(MetricKind.LogLoss);
        return candidate.ValidationMetrics.GetValueOrDefault(logLoss, double.MaxValue) < incumbent.ValidationMetrics.GetValueOrDefault(logLoss, double.MaxValue);
    }

    /// <summary>Settings of an image search.</summary>
    public sealed class Options
    {
        /// <summary>Wall time for the whole search, feature extraction included.</summary>
        public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Seeds the validation split, the first network and the head; later rounds count up from it.</summary>
        /// <value>Defaults to 1.</value>
        public int Seed { get; set; } = 1;

        /// <summary>The validation score that chooses the model.</summary>
        /// <value>Defaults to <see cref="MetricKind.Accuracy"/>.</value>
        public MetricKind Metric { get; set; } = MetricKind.Accuracy;

        /// <summary>Most share of the budget left that extracting ResNet18 features may take, or the family is not offered.</summary>
        /// <value>Defaults to 0.4.</value>
        public double ResNetShare { get; set; } = 0.4;

        /// <summary>Whether the from-scratch network competes (false: ResNet18 features only, when offered).</summary>
        /// <value>Defaults to true.</value>
        public bool ScratchNetwork { get; set; } = true;

        /// <summary>Most runs of the from-scratch network.</summary>
        /// <value>Defaults to 6.</value>
        public int MaxScratchRounds { get; set; } = 6;

        public string ImageColumn { get; set; } = "Image";

        public string LabelColumn { get; set; } = "Label";
    }
}
