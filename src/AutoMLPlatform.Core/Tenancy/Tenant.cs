namespace AutoMLPlatform.Core.Tenancy;

/// <summary>A tenant: the owner of datasets, jobs, models, pipelines and keys, isolated from every other.</summary>
public sealed record Tenant(TenantId Id, string Name, DateTimeOffset CreatedAt);
