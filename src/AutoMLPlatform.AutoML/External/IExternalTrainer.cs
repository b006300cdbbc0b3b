using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.External;

/// <summary>
/// A trainer that lives outside the engine (TorchSharp text and image networks, for one) but competes in the
/// same search, under the same time budget and validation. The engine asks it for trials when its estimated
/// cost of improvement says so, scores what it returns on the validation rows itself (so every trial is measured
/// the same way), and, when it wins, asks it to refit on all rows within the time left.
/// </summary>
/// <remarks>
/// The data handed over has the user's original columns as the model will see them at prediction time (numbers
/// as <c>Single</c>, NaN when missing; everything else as text, "" when missing, booleans "true"/"false") plus the
/// encoded label under <see cref="Data.ReservedColumns.Label"/>: a <c>Boolean</c> (binary, true = the positive
/// class), a key (multiclass, key k = <see cref="Data.LabelEncoding.Classes"/>[k − 1]) or a <c>Single</c>
/// (regression); a user's column that is itself named <c>__Label</c> is left out of these views. The returned model must read only original columns and write ML.NET's standard outputs:
/// binary <c>PredictedLabel</c> (Boolean), <c>Score</c> and a calibrated <c>Probability</c>; multiclass
/// <c>PredictedLabel</c> as the class name (text) and a <c>Score</c> vector of probabilities in class order;
/// regression <c>Score</c>. External trials never join the final ensemble, and with k-fold validation they are
/// trained and scored on the first fold only.
/// </remarks>
public interface IExternalTrainer
{
    /// <summary>The name shown on the leaderboard, e.g. <c>TorchText</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What a first trial costs relative to the engine's cheapest trial (LightGbm's starting point = 1); it only
    /// decides when the trainer is first tried, measured costs decide after that.
    /// </summary>
    double RelativeCost { get; }

    /// <summary>Whether this trainer has anything to learn from here (e.g. a text column for a text network).</summary>
    bool CanTrain(ExperimentPlan plan);

    /// <summary>Trains once on <see cref="ExternalTrainingRequest.Train"/>. Stop when the token fires (the budget, the memory guard or the caller).</summary>
    Task<ExternalTrial> TrainAsync(ExternalTrainingRequest request, CancellationToken cancellationToken);

    /// <summary>Trains the winning trial's configuration again on every labelled row, within <see cref="ExternalRefitRequest.TimeLimit"/>.</summary>
    Task<ITransformer> RefitAsync(ExternalRefitRequest request, CancellationToken cancellationToken);
}
