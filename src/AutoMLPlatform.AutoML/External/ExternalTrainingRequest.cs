using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.External;

/// <summary>What an <see cref="IExternalTrainer"/> gets for one trial.</summary>
/// <param name="Plan">Task, metric, column decisions and validation of the experiment.</param>
/// <param name="Labels">How the label is encoded (class names in key order).</param>
/// <param name="Train">Rows to train on: original columns plus the encoded label (see <see cref="IExternalTrainer"/>).</param>
/// <param name="Validation">Rows the engine will score the returned model on; the trainer may use them for early stopping.</param>
/// <param name="Seed">Seed for this trial; the same seed and attempt should give the same model.</param>
/// <param name="Attempt">1 for this trainer's first trial, 2 for its second…: a trainer may try other settings each time.</param>
/// <param name="TimeLimit">Time the trial may take; the token fires when it is up.</param>
public sealed record ExternalTrainingRequest(
    ExperimentPlan Plan,
    LabelEncoding Labels,
    IDataView Train,
    IDataView Validation,
    int Seed,
    int Attempt,
    TimeSpan TimeLimit);
