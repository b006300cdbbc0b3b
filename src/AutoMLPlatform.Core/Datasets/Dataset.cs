using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Datasets;

/// <summary>A named dataset of one tenant and its newest version.</summary>
public sealed record Dataset(DatasetId Id, TenantId TenantId, string Name, DateTimeOffset CreatedAt, DatasetVersion Latest);
