namespace AutoMLPlatform.Core.Tenancy;

/// <summary>The tenant on whose behalf the current request acts.</summary>
public interface ICurrentTenant
{
    TenantId Id { get; }
}
