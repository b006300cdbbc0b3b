using AutoMLPlatform.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>The tenant of the API key that authenticated the current request.</summary>
internal sealed class ClaimsCurrentTenant(IHttpContextAccessor accessor) : ICurrentTenant
{
    public TenantId Id =>
        accessor.HttpContext?.Caller() is { } caller
            ? caller.Tenant
            : throw new InvalidOperationException("No authenticated caller: this code runs outside an authorised request.");
}
