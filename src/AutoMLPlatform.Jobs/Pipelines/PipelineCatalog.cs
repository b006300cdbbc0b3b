using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Creates, replaces and deletes pipelines over the API: validate, store, then keep the pipeline's recurring trigger
/// in step. The store is written first, so a schedule never exists for a pipeline that does not.
/// </summary>
public sealed class PipelineCatalog(IPipelineStore store, PipelineValidator validator, IPipelineScheduler scheduler)
{
    public async Task<Pipeline> CreateAsync(TenantId tenant, PipelineDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var definition = (await validator.ValidateAsync(tenant, document, allowMissingDataset: false, cancellationToken).ConfigureAwait(false)).Definition;
        if (!await store.TryCreateAsync(tenant, definition, Pipeline.ApiSource, cancellationToken).ConfigureAwait(false))
        {
            throw new PipelineExistsException(definition.Name);
        }

        await scheduler.ScheduleAsync(tenant, definition, cancellationToken).ConfigureAwait(false);
        return await GetAsync(tenant, definition.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the definition of an existing pipeline; runs under way keep the definition they started with.</summary>
    public async Task<Pipeline> ReplaceAsync(TenantId tenant, string name, PipelineDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Name is { } named && !string.Equals(named, name, StringComparison.Ordinal))
        {
            throw new InvalidInputException("pipeline-name-mismatch",
                $"The body names pipeline '{named}' but the URL names '{name}'; a pipeline is renamed by deleting it and creating the new name.", "name");
        }

        var definition = (await validator.ValidateAsync(tenant, document with { Name = name }, allowMissingDataset: false, cancellationToken).ConfigureAwait(false)).Definition;
        if (!await store.TryReplaceAsync(tenant, definition, Pipeline.ApiSource, cancellationToken).ConfigureAwait(false))
        {
            throw PipelineNotFoundException.Pipeline(name);
        }

        await scheduler.ScheduleAsync(tenant, definition, cancellationToken).ConfigureAwait(false);
        return await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the pipeline, its schedule and its run history; refused (409) while a run is under way.</summary>
    public async Task DeleteAsync(TenantId tenant, string name, CancellationToken cancellationToken)
    {
        switch (await store.DeleteAsync(tenant, name, cancellationToken).ConfigureAwait(false))
        {
            case PipelineDeletion.NotFound:
                throw PipelineNotFoundException.Pipeline(name);
            case PipelineDeletion.RunInProgress:
                var active = await store.FindActiveRunAsync(tenant, name, cancellationToken).ConfigureAwait(false);
                throw new PipelineRunInProgressException(name, active?.Id);
            default:
                await scheduler.UnscheduleAsync(tenant, name, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public async Task<Pipeline> GetAsync(TenantId tenant, string name, CancellationToken cancellationToken) =>
        await store.FindAsync(tenant, name, cancellationToken).ConfigureAwait(false) ?? throw PipelineNotFoundException.Pipeline(name);
}
