using System.Text.Json;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Storage.Database;

namespace AutoMLPlatform.Storage.Registry;

/// <summary>Lineage as stored in JSON; hyperparameters are kept raw so they read back as plain values.</summary>
internal sealed record LineageDocument(DatasetId DatasetId, int DatasetVersion, JobId? JobId, string Trainer, JsonElement Hyperparameters)
{
    public static LineageDocument From(ModelLineage lineage) => new(
        lineage.DatasetId, lineage.DatasetVersion, lineage.JobId, lineage.Trainer,
        JsonSerializer.SerializeToElement(lineage.Hyperparameters, StoreJson.Options));

    public ModelLineage ToLineage() =>
        new(DatasetId, DatasetVersion, JobId, Trainer, StoreJson.ReadHyperparameters(Hyperparameters.GetRawText()));
}
