using System.Text.Json;

namespace AutoMLPlatform.Client.Models;

/// <summary>Where a version came from: the dataset version, the job, the trainer and its settings.</summary>
public sealed record ModelLineage(Datasets.DatasetId DatasetId, int DatasetVersion, Jobs.JobId? JobId, string Trainer,
    IReadOnlyDictionary<string, JsonElement> Hyperparameters);
