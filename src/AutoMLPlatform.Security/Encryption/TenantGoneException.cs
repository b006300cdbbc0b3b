using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>The tenant was deleted (its data key destroyed) or never existed: its data cannot be read or written.</summary>
public sealed class TenantGoneException(TenantId tenant) : NotFoundException(TenancyErrorCodes.TenantNotFound, $"Tenant {tenant} does not exist.");
