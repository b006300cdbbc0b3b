using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Core.Drift;

/// <summary>Reads a model version's drift, for whoever acts on it (a pipeline's drift trigger). The scoring service implements it.</summary>
public interface IDriftSummaries
{
    /// <summary>The version's drift; null when it is not monitored (drift is off, or its training data cannot be read).</summary>
    Task<DriftSummary?> SummarizeAsync(ModelVersion version, CancellationToken cancellationToken);
}
