using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Retraining;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// Creates, replaces and deletes pipelines over the API: validate, store, then keep the pipeline's recurring trigger
/// in step. The store is written first, so a schedule never exists for a pipeline that does not.
/// </summary>
public sealed class PipelineCatalog(IPipelineStore store, PipelineValidator validator, IPipelineScheduler scheduler, PipelineRunCanceller runs)
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

    /// <summary>Rounds of "cancel the active run, delete" before giving up: a trigger may start a new run in between.</summary>
    private const int DeleteRounds = 3;

    /// <summary>
    /// Deletes the pipeline, its schedule and its run history. A run under way is cancelled first (its training job
    /// too), then the pipeline is deleted; its worker finds the run gone and stops.
    /// </summary>
    public async Task DeleteAsync(TenantId tenant, string name, CancellationToken cancellationToken)
    {
        for (var round = 0; round < DeleteRounds; round++)
        {
            switch (await store.DeleteAsync(tenant, name, cancellationToken).ConfigureAwait(false))
            {
                case PipelineDeletion.NotFound:
                    throw PipelineNotFoundException.Pipeline(name);
                case PipelineDeletion.RunInProgress:
                    // The schedule goes first, so that it cannot start the next run while this one is being stopped.
                    await scheduler.UnscheduleAsync(tenant, name, cancellationToken).ConfigureAwait(false);
                    await runs.EndActiveAsync(tenant, name, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await scheduler.UnscheduleAsync(tenant, name, cancellationToken).ConfigureAwait(false);
                    return;
            }
        }

        // Runs kept starting (triggers of other processes): the pipeline stays, and so must its schedule.
        if (await store.FindAsync(tenant, name, cancellationToken).ConfigureAwait(false) is { } kept)
        {
            await scheduler.ScheduleAsync(tenant, kept.Definition, cancellationToken).ConfigureAwait(false);
        }

        var active = await store.FindActiveRunAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        throw new PipelineRunInProgressException(name, active?.Id);
    }

    public async Task<Pipeline> GetAsync(TenantId tenant, string name, CancellationToken cancellationToken) =>
        await store.FindAsync(tenant, name, cancellationToken).ConfigureAwait(false) ?? throw PipelineNotFoundException.Pipeline(name);
}
