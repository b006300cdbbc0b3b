using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Keys;

/// <summary>Who is calling: the key's id (never the key), its tenant and its effective scopes.</summary>
public sealed record ApiCaller(ApiKeyId KeyId, TenantId Tenant, ApiScopes Scopes);
