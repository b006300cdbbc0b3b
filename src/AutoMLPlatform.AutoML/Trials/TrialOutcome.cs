using AutoMLPlatform.AutoML.External;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Trainers;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Trials;

/// <summary>
/// What one trial produced, inside the engine: the public <see cref="Planning.TrialResult"/> fields plus what the
/// end of the search needs: validation predictions (for the ensemble), a refit estimate, the model of the first
/// fold (kept in case the refit cannot finish) and how to refit.
/// </summary>
internal sealed record TrialOutcome
{
    public required int Number { get; init; }

    public required string Trainer { get; init; }

    public required IReadOnlyDictionary<string, object> Hyperparameters { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public double? Score { get; init; }

    /// <summary>What the tuner minimises; +∞ for a failed or stopped trial.</summary>
    public required double Loss { get; init; }

    public required TimeSpan Duration { get; init; }

    public string? Error { get; init; }

    /// <summary>Predictions for every evaluation row, or null when they do not cover them all (failed, partial, external on one fold).</summary>
    public float[]? Predictions { get; init; }

    /// <summary>Estimated seconds to refit on all rows.</summary>
    public double RefitSeconds { get; init; }

    /// <summary>The ML.NET trainer and configuration to refit, for an ML.NET trial.</summary>
    public (TrainerCandidate Candidate, Configuration Configuration, DataShape Shape)? MLNet { get; init; }

    /// <summary>The featurization an ML.NET trial trained on.</summary>
    public Featurization.TextFeatures TextFeatures { get; init; }

    /// <summary>The trainer part fitted on the first fold (featurized input), for an ML.NET trial.</summary>
    public ITransformer? FirstFoldModel { get; init; }

    /// <summary>The trainer and its trial, for an external trial; <see cref="ExternalTrial.Model"/> reads original columns.</summary>
    public (IExternalTrainer Trainer, ExternalTrial Trial)? External { get; init; }

    /// <summary>Why the search gave this trial to its trainer (<see cref="Search.TrainerChoice.Describe"/>).</summary>
    public string? Selection { get; init; }

    public bool Succeeded => Error is null && Score is { } s && double.IsFinite(s);

    public Planning.TrialResult ToResult() => new(Number, Trainer, Hyperparameters, Score, Metrics, Duration, Error, Selection);
}
