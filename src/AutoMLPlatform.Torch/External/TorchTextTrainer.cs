using System.Runtime.CompilerServices;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Text;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.External;

/// <summary>
/// The Torch text classifier as a competitor inside the AutoML search: on a classification table with a free-text
/// column (the first one the engine's column inference marks as text) it trains <see cref="TextClassificationTrainer"/>
/// on that column alone, picks its epoch on the engine's validation rows, and returns the
/// <see cref="TextClassificationTransformer"/>, whose outputs are the engine's standard ones (binary
/// <c>PredictedLabel</c>, <c>Score</c>, <c>Probability</c> of the positive class; multiclass class name and a
/// probability per class in key order) and which the model package saves as a Torch part.
/// </summary>
public sealed class TorchTextTrainer : IExternalTrainer
{
    /// <summary>The leaderboard name, the same as a <c>text-classification</c> job's.</summary>
    public const string TrainerName = "TorchTextClassifier";

    /// <summary>
    /// A first trial against the engine's cheapest start: on fine_foods (4,000 reviews, 5-fold) one Torch trial took
    /// about 10 s where the linear learners' trials took 0.4–2.4 s; 8 gets it tried within a 60 s budget (it decides
    /// only when the network is first tried, measured costs decide after that).
    /// </summary>
    public const double FirstTrialRelativeCost = 8;

    /// <summary>
    /// Share of the time the engine allows a trial that the network plans its epochs for: should it win, its refit
    /// on all rows needs about as long again (more rows, fewer epochs), and it must not starve the other trainers.
    /// </summary>
    public const double TrialTimeShare = 0.4;

    private static readonly TimeSpan MinimumTrialTime = TimeSpan.FromSeconds(1);

    // Keyed by the trial's model, which the engine hands back for the refit; weak, so losing trials are collected.
    private readonly ConditionalWeakTable<ITransformer, TextTrialRecipe> _recipes = [];

    public string Name => TrainerName;

    public double RelativeCost => FirstTrialRelativeCost;

    /// <summary>The column the network reads: the first column the plan treats as free text, or null.</summary>
    public static string? TextColumnOf(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Columns.FirstOrDefault(c => c.Role == ColumnRole.Text)?.Name;
    }

    public bool CanTrain(ExperimentPlan plan) =>
        plan is { Task: TaskKind.Binary or TaskKind.Multiclass } && TextColumnOf(plan) is not null;

    public Task<ExternalTrial> TrainAsync(ExternalTrainingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var column = TextColumnOf(request.Plan) ?? throw new ArgumentException("The plan has no free-text column.", nameof(request));
        var variant = TextTrialVariant.For(request.Attempt);
        var share = request.TimeLimit * TrialTimeShare;
        var options = variant.ToOptions(column, request.Labels.Classes, request.Seed);
        options.TimeLimit = share > MinimumTrialTime ? share : MinimumTrialTime;
        return Task.Run(() =>
        {
            EnsureTorch();
            var train = TextTrialData.Read(request.Train, column, request.Labels);
            var validation = TextTrialData.Read(request.Validation, column, request.Labels);
            var model = new TextClassificationTrainer(new MLContext(request.Seed), options).Fit(train, validation, progress: null, cancellationToken);
            var summary = model.Training!;
            _recipes.AddOrUpdate(model, new TextTrialRecipe(variant, column, request.Labels, Math.Max(1, summary.BestEpoch)));
            return new ExternalTrial(model, Hyperparameters(variant, summary), [column]);
        }, cancellationToken);
    }

    /// <summary>
    /// Trains the trial's settings on every row for its best epoch count, with no validation rows left to pick an
    /// epoch. No time limit of its own: a refit cut short would be worse than the validated trial model, so it runs
    /// to the end or until the engine's deadline cancels it (and the engine keeps the trial's model).
    /// </summary>
    public Task<ITransformer> RefitAsync(ExternalRefitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_recipes.TryGetValue(request.Trial.Model, out var recipe))
        {
            throw new ArgumentException("The trial was not trained by this trainer.", nameof(request));
        }

        var options = recipe.Variant.ToOptions(recipe.TextColumn, recipe.Labels.Classes, request.Seed);
        options.MaxEpochs = recipe.BestEpoch;
        return Task.Run<ITransformer>(() =>
        {
            var all = TextTrialData.Read(request.All, recipe.TextColumn, recipe.Labels);
            return new TextClassificationTrainer(new MLContext(request.Seed), options)
                .Fit(all, new TextExamples([], []), progress: null, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// A machine where libtorch cannot load fails this trainer's trials (the engine records them and searches on with
    /// the ML.NET trainers) instead of the whole experiment.
    /// </summary>
    private static void EnsureTorch()
    {
        try
        {
            TorchNative.EnsureLoaded();
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw new InvalidOperationException($"TorchSharp cannot run on this machine: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, object> Hyperparameters(TextTrialVariant variant, TrainingSummary summary) =>
        new(summary.Settings ?? new Dictionary<string, object>())
        {
            ["embedding_dimension"] = variant.EmbeddingDimension,
            ["feature_dropout"] = variant.FeatureDropout,
            ["dropout"] = variant.Dropout,
            ["epochs"] = summary.Epochs,
            ["best_epoch"] = summary.BestEpoch,
            ["stopped_because"] = summary.StoppedBecause,
        };
}
