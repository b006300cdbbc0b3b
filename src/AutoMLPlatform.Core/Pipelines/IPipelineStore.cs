using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Pipelines;

/// <summary>
/// Pipelines and their runs. The store guarantees that a pipeline has at most one active (queued or running) run,
/// and run updates are compare-and-set, so two processes never both run or finish one run.
/// </summary>
public interface IPipelineStore
{
    /// <summary>Stores a new pipeline; false (storing nothing) when the name is taken.</summary>
    Task<bool> TryCreateAsync(TenantId tenant, PipelineDefinition definition, string source, CancellationToken cancellationToken);

    /// <summary>Replaces an existing pipeline's definition; false when there is none by that name.</summary>
    Task<bool> TryReplaceAsync(TenantId tenant, PipelineDefinition definition, string source, CancellationToken cancellationToken);

    /// <summary>Creates or replaces: how definition files are loaded at start.</summary>
    Task UpsertAsync(TenantId tenant, PipelineDefinition definition, string source, CancellationToken cancellationToken);

    Task<Pipeline?> FindAsync(TenantId tenant, string name, CancellationToken cancellationToken);

    /// <summary>By name.</summary>
    Task<IReadOnlyList<Pipeline>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Every tenant's pipelines: for registering their schedules at start.</summary>
    Task<IReadOnlyList<Pipeline>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the pipeline and its finished runs, unless a run is under way.</summary>
    Task<PipelineDeletion> DeleteAsync(TenantId tenant, string name, CancellationToken cancellationToken);

    /// <summary>Stores a new queued run; false (storing nothing) when the pipeline already has an active run.</summary>
    Task<bool> TryCreateRunAsync(PipelineRun run, CancellationToken cancellationToken);

    Task<PipelineRun?> FindActiveRunAsync(TenantId tenant, string pipeline, CancellationToken cancellationToken);

    Task<PipelineRun?> FindRunAsync(TenantId tenant, PipelineRunId id, CancellationToken cancellationToken);

    /// <summary>The run whatever its tenant: for workers, which receive only a run id.</summary>
    Task<PipelineRun?> FindRunAnyAsync(PipelineRunId id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<PipelineRun>> ListRunsAsync(TenantId tenant, string pipeline, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Runs in a status, across tenants, oldest first: for recovery after a restart.</summary>
    Task<IReadOnlyList<PipelineRun>> ListRunsByStatusAsync(PipelineRunStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="updated"/> if the stored run still has <paramref name="expectedStatus"/> and
    /// <paramref name="expectedAttempt"/>; false (writing nothing) when another writer got there first.
    /// </summary>
    Task<bool> TryUpdateRunAsync(PipelineRun updated, PipelineRunStatus expectedStatus, int expectedAttempt, CancellationToken cancellationToken);
}
