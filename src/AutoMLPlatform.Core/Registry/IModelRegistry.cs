using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Registry;

/// <summary>Named models, their numbered versions and the aliases that point at them.</summary>
public interface IModelRegistry
{
    /// <summary>
    /// Adds the next version of the model (creating the model if it is new). The first version of a name also
    /// receives the <see cref="ModelAliases.Production"/> alias. Concurrent registrations get distinct numbers.
    /// Idempotent by the lineage's job: when that job already registered a version, that version is returned and
    /// nothing is added, so a job registers at most once however often it is retried.
    /// </summary>
    Task<ModelVersion> RegisterAsync(NewModelVersion version, CancellationToken cancellationToken);

    /// <summary>The version <paramref name="job"/> registered (deleted or not), or null when it registered none.</summary>
    Task<ModelVersion?> FindByJobAsync(TenantId tenant, JobId job, CancellationToken cancellationToken);

    Task<RegisteredModel?> FindModelAsync(TenantId tenant, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(TenantId tenant, string name, CancellationToken cancellationToken);

    Task<ModelVersion?> FindVersionAsync(TenantId tenant, string name, int version, CancellationToken cancellationToken);

    /// <summary>The version an alias points at, or null when the model or alias does not exist.</summary>
    Task<ModelVersion?> ResolveAliasAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken);

    /// <summary>The alias's version and traffic split, or null when the model or alias does not exist.</summary>
    Task<AliasTarget?> FindAliasAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken);

    /// <summary>
    /// Points the alias at the version (creating the alias if new) and clears any traffic split it carried. Throws if
    /// the version does not exist.
    /// </summary>
    Task<AliasChange> SetAliasAsync(TenantId tenant, string name, string alias, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Points the alias at <paramref name="version"/> with <paramref name="split"/> (replacing any split it carried) in
    /// one write. Throws not-found when the version, or a version the split names, does not exist or was deleted.
    /// The alias's history (for rollback) grows only when its version changes.
    /// </summary>
    Task<AliasChange> SetAliasSplitAsync(TenantId tenant, string name, string alias, int version, AliasSplit split, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the alias's canary its version and clears the split (a move, so rollback returns to the version before).
    /// Throws a conflict <c>no-canary</c> when the alias carries none.
    /// </summary>
    Task<AliasChange> PromoteCanaryAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken);

    /// <summary>Clears the alias's traffic split (canary and shadow); its version stays. Throws not-found for an unknown alias.</summary>
    Task<AliasChange> ClearSplitAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken);

    /// <summary>
    /// Points the alias back at the version it pointed at before its last move. Clears any traffic split. Throws if it has no
    /// history, or a conflict naming that version when it has been deleted since (the alias then stays where it is).
    /// </summary>
    Task<AliasChange> RollbackAliasAsync(TenantId tenant, string name, string alias, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a version, leaving a tombstone (lineage and listings still show it, marked deleted; nothing resolves to
    /// it). Refused while an alias points at it or a split names it. Returns the artifact hash when no other live version uses it.
    /// </summary>
    Task<string?> DeleteVersionAsync(TenantId tenant, string name, int version, CancellationToken cancellationToken);

    /// <summary>A number that grows whenever a version is registered or an alias moves: cheap to poll for changes.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);
}
