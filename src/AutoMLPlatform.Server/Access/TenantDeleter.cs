using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Security.Keys;

namespace AutoMLPlatform.Server.Access;

/// <summary>
/// Deletes a tenant for real. One transaction marks it deleted, destroys its wrapped data key, and deletes its rows
/// (<see cref="ITenantStore.DeleteAsync"/>): its keys stop working, its jobs and pipeline runs lose their rows so their
/// workers stop at the next heartbeat, and nothing of its metadata is listed any more. Then its pipelines' recurring
/// triggers are removed, its files deleted, and this process forgets its data key and cached keys at once. Other
/// processes refuse its keys within <c>Security:KeyCacheDuration</c> (1 s) and forget its data key within
/// <c>Security:DataKeyRecheckInterval</c> (5 s). A write that raced the deletion is removed by the storage sweep.
/// </summary>
internal sealed class TenantDeleter(ITenantStore tenants, IPipelineStore pipelines, IPipelineScheduler scheduler, IBlobStore blobs, TenantKeyRing keyRing,
    ApiKeyValidator keyValidator)
{
    private const int PipelinePage = 500;

    public async Task DeleteAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        if (tenant == TenantId.Default)
        {
            throw NotFound(tenant.ToString());
        }

        // Read before the rows go: the triggers are named after the pipelines.
        var scheduled = new List<string>();
        IReadOnlyList<Pipeline> page;
        while ((page = await pipelines.ListAsync(tenant, scheduled.Count, PipelinePage, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            scheduled.AddRange(page.Select(p => p.Name));
        }

        if (!await tenants.DeleteAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(tenant.ToString());
        }

        keyRing.Forget(tenant);
        keyValidator.ForgetTenant(tenant);

        // The deletion is committed: what follows must not be cut short by the caller going away.
        foreach (var name in scheduled)
        {
            await scheduler.UnscheduleAsync(tenant, name, CancellationToken.None).ConfigureAwait(false);
        }

        await blobs.DeleteTenantAsync(tenant, CancellationToken.None).ConfigureAwait(false);
    }

    public static NotFoundException NotFound(string id) =>
        new(TenancyErrorCodes.TenantNotFound, $"Tenant '{id}' was not found (the system tenant cannot be deleted).");
}
