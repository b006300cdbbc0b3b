using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Jobs.FanOut;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Torch.External;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>
/// One AutoML search over a job's table, or one share of a fanned-out job's search, ending in a stored model package
/// that is not registered yet. On a table with a free-text column, the Torch text classifier competes with the ML.NET
/// trainers (<see cref="TorchTextTrainer"/>) in the share that takes external trainers, and the process's pretrained
/// sentence encoder is offered to the search in every share (docs/pretrained.md).
/// </summary>
internal sealed class TabularSearch(ModelArtifacts artifacts, TimeProvider time, ILoggerFactory loggers, PretrainedNetworks pretrained)
{
    public async Task<SearchOutcome> RunAsync(TrainingJob job, TrainingData data, SearchShare share, IExperimentMonitor monitor,
        CancellationToken cancellationToken)
    {
        var spec = job.Spec;

        // The budget counts from the claim of the job: loading the data, and waiting for a worker, is part of what the user waits for.
        var remaining = spec.TimeBudget - (time.GetUtcNow() - (job.StartedAt ?? time.GetUtcNow()));
        var mlContext = new MLContext(spec.Seed);
        var experiment = new AutoMLExperiment(mlContext, new ExperimentSettings
        {
            LabelColumn = spec.Label,
            Task = spec.Task,
            Metric = spec.Metric,
            TimeBudget = remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1),
            MaxTrials = share.MaxTrials,
            Seed = spec.Seed,
            Trainers = share.Trainers,
            ExternalTrainers = share.WithExternalTrainers ? [new TorchTextTrainer()] : [],
            Pretrained = pretrained,
            RequireOnnx = spec.RequireOnnx,
            KeyedHasher = data.Hasher,
        }, time, loggers.CreateLogger<AutoMLExperiment>());
        var result = await experiment.RunAsync(data.Table, data.Version.Schema, monitor, cancellationToken).ConfigureAwait(false);

        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, spec.Label, result.Labels.Classes, result.Inputs,
            result.BestTrial.Trainer, []);
        var (sha256, sizeBytes) = await artifacts.StoreAsync(job, mlContext, result.Model, result.InputSchema, manifest, cancellationToken).ConfigureAwait(false);
        return new SearchOutcome(result, manifest, sha256, sizeBytes);
    }
}
