using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Access;

/// <summary>Tenants (the caller needs an admin key of the system tenant).</summary>
public sealed class TenantsClient
{
    private readonly ApiConnection _api;

    internal TenantsClient(ApiConnection api) => _api = api;

    /// <summary>Every tenant.</summary>
    public Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.SendAsync<IReadOnlyList<Tenant>>(ApiRoutes.ListTenants, ApiRoutes.ListTenants.Path(), null, cancellationToken);

    /// <summary>Creates a tenant; the answer holds its first admin key, once.</summary>
    public Task<CreatedTenant> CreateAsync(string name, CancellationToken cancellationToken = default) =>
        _api.SendAsync<CreatedTenant>(ApiRoutes.CreateTenant, ApiRoutes.CreateTenant.Path(), ApiConnection.Json(new { name }), cancellationToken);

    /// <summary>Deletes a tenant and destroys its data key: nothing it stored can be read back.</summary>
    public Task DeleteAsync(TenantId id, CancellationToken cancellationToken = default) =>
        _api.SendAsync(ApiRoutes.DeleteTenant, ApiRoutes.DeleteTenant.Path(id), null, cancellationToken);
}
