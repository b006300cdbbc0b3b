using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>
/// What a tabular search trains on: the job's dataset version, its rows without the held-out ones, and the tenant's
/// keyed hash when the schema marks columns for hashing.
/// </summary>
internal sealed record TrainingData(DatasetVersion Version, LoadedTable Table, IKeyedHasher? Hasher);
