using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Hosting;

/// <summary>Until API keys name a tenant, every request acts for the one default tenant.</summary>
internal sealed class DefaultTenant : ICurrentTenant
{
    public TenantId Id => TenantId.Default;
}
