using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Hosting.Authentication;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Server.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMLPlatform.Server.Access;

/// <summary>
/// Keys of the caller's tenant (<c>/api/keys</c>, admin scope) and tenants (<c>/api/tenants</c>, system admins only).
/// </summary>
public static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/api/keys").WithTags("Access").RequireScope(ApiScopeNames.Admin);
        keys.MapGet("/", ListKeysAsync).WithSummary("The tenant's keys (never the keys themselves).");
        keys.MapPost("/", CreateKeyAsync).WithMetadata(new AuditedAttribute("key.create"))
            .WithSummary("Creates a key with the given scopes; the key is in this answer only.").ProducesValidationProblem();
        keys.MapDelete("/{id}", RevokeKeyAsync).WithMetadata(new AuditedAttribute("key.revoke"))
            .WithSummary("Revokes a key; every process stops accepting it within a second. The system tenant's last admin key cannot be revoked (409).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var tenants = endpoints.MapGroup("/api/tenants").WithTags("Access").RequireAuthorization(ApiKeyDefaults.SystemAdminPolicy);
        tenants.MapGet("/", ListTenantsAsync).WithSummary("Every tenant.");
        tenants.MapPost("/", CreateTenantAsync).WithMetadata(new AuditedAttribute("tenant.create"))
            .WithSummary("Creates a tenant and its first admin key (in this answer only).").ProducesValidationProblem();
        tenants.MapDelete("/{id}", DeleteTenantAsync).WithMetadata(new AuditedAttribute("tenant.delete"))
            .WithSummary("Deletes a tenant: destroys its data key, revokes its keys, stops its pipelines and work, deletes its data and files.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Ok<KeyResponse[]>> ListKeysAsync(IApiKeyStore keys, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(tenant.Id, cancellationToken).ConfigureAwait(false)).Select(KeyResponse.From).ToArray());

    internal static async Task<Created<CreatedKeyResponse>> CreateKeyAsync(CreateKeyRequest request, KeyIssuer issuer, ICurrentTenant tenant,
        HttpContext http, CancellationToken cancellationToken)
    {
        var created = await issuer.CreateKeyAsync(tenant.Id, request, cancellationToken).ConfigureAwait(false);
        http.Items[AuditMiddleware.TargetItem] = $"key/{created.Id}";
        return TypedResults.Created($"/api/keys/{created.Id}", created);
    }

    internal static async Task<NoContent> RevokeKeyAsync(string id, IApiKeyStore keys, ICurrentTenant tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ApiKeyId.TryParse(id, out var keyId))
        {
            throw new NotFoundException("key-not-found", $"Key '{id}' was not found.");
        }

        // The system tenant's admin keys are the only way to manage tenants and open the dashboard: its last one stays.
        var outcome = tenant.Id == TenantId.Default
            ? await keys.RevokeKeepingAnAdminAsync(tenant.Id, keyId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            : await keys.RevokeAsync(tenant.Id, keyId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) ? KeyRevocation.Revoked : KeyRevocation.NotFound;
        return outcome switch
        {
            KeyRevocation.Revoked => TypedResults.NoContent(),
            KeyRevocation.LastAdmin => throw new ConflictException("last-system-admin-key",
                $"Key '{id}' is the last active admin key of the system tenant; revoking it would lock everyone out of tenants, keys and the dashboard. Create another admin key first."),
            _ => throw new NotFoundException("key-not-found", $"Key '{id}' was not found."),
        };
    }

    internal static async Task<Ok<Tenant[]>> ListTenantsAsync(ITenantStore tenants, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tenants.ListAsync(cancellationToken).ConfigureAwait(false)).ToArray());

    internal static async Task<Created<CreatedTenantResponse>> CreateTenantAsync(CreateTenantRequest request, KeyIssuer issuer, HttpContext http,
        CancellationToken cancellationToken)
    {
        var created = await issuer.CreateTenantAsync(request, cancellationToken).ConfigureAwait(false);
        http.Items[AuditMiddleware.TargetItem] = $"tenant/{created.Id}";
        return TypedResults.Created($"/api/tenants/{created.Id}", created);
    }

    internal static async Task<NoContent> DeleteTenantAsync(string id, TenantDeleter deleter, CancellationToken cancellationToken)
    {
        if (!TenantId.TryParse(id, out var tenantId))
        {
            throw TenantDeleter.NotFound(id);
        }

        await deleter.DeleteAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
