using System.Runtime.CompilerServices;
using System.Security.Claims;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Security.Keys;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>
/// One principal per validated caller, built once and reused by every request of that key while the validator keeps
/// answering with the same <see cref="ApiCaller"/> (up to <c>KeyCacheDuration</c>): no claims, identity or string
/// formatting per request. Entries go when their caller does. The principal is shared between concurrent requests, so
/// nothing may change it: code that wants other claims must build a new principal, as a claims transformation does.
/// </summary>
internal sealed class CallerPrincipals
{
    private static readonly ConditionalWeakTable<ApiCaller, ClaimsPrincipal>.CreateValueCallback Create = Build;

    private readonly ConditionalWeakTable<ApiCaller, ClaimsPrincipal> _principals = new();

    public ClaimsPrincipal For(ApiCaller caller) => _principals.GetValue(caller, Create);

    private static ClaimsPrincipal Build(ApiCaller caller)
    {
        var claims = new List<Claim>(6)
        {
            new(ApiKeyDefaults.TenantClaim, caller.Tenant.ToString()),
            new(ApiKeyDefaults.KeyIdClaim, caller.KeyId.ToString()),
        };
        claims.AddRange(ApiScopeNames.Names(caller.Scopes).Select(scope => new Claim(ApiKeyDefaults.ScopeClaim, scope)));
        return new ClaimsPrincipal(new ApiCallerIdentity(caller, claims));
    }
}
