using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Keys;

namespace AutoMLPlatform.Server.Access;

/// <summary>Creates keys and tenants after checking the request; the key string leaves only in the response.</summary>
internal sealed class KeyIssuer(IApiKeyStore keys, ITenantStore tenants, TimeProvider time)
{
    private const int MaxNameLength = 100;

    public async Task<CreatedKeyResponse> CreateKeyAsync(TenantId tenant, CreateKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = ValidName(request.Name, "name");
        var scopes = ApiScopeNames.Parse(request.Scopes ?? [], "scopes");
        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            throw new InvalidInputException("expiry-in-past", "The expiry must lie in the future.", "expiresAt");
        }

        var (key, stored) = ApiKeyFactory.Create(tenant, name, scopes, now, request.ExpiresAt);
        await keys.TryCreateAsync(stored, cancellationToken).ConfigureAwait(false);
        return new CreatedKeyResponse(stored.Id, name, ApiScopeNames.Names(scopes), stored.ExpiresAt, key);
    }

    public async Task<CreatedTenantResponse> CreateTenantAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = new Tenant(TenantId.New(), ValidName(request.Name, "name"), time.GetUtcNow());
        await tenants.TryCreateAsync(tenant, cancellationToken).ConfigureAwait(false);
        var admin = await CreateKeyAsync(tenant.Id, new CreateKeyRequest("admin", [ApiScopeNames.Admin], null), cancellationToken).ConfigureAwait(false);
        return new CreatedTenantResponse(tenant.Id, tenant.Name, admin);
    }

    private static string ValidName(string? name, string field) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl)
            ? throw new InvalidInputException("invalid-name", $"Give a name of 1-{MaxNameLength} printable characters.", field)
            : name.Trim();
}
