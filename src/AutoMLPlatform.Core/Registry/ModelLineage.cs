using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;

namespace AutoMLPlatform.Core.Registry;

/// <summary>Where a model version came from: the data, the job and the winning configuration.</summary>
public sealed record ModelLineage(
    DatasetId DatasetId,
    int DatasetVersion,
    JobId? JobId,
    string Trainer,
    IReadOnlyDictionary<string, object> Hyperparameters);
