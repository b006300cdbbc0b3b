using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Audit;

/// <summary>
/// Something that happened, to be appended to the audit trail: who (tenant, key id — never the key), what (an
/// action such as <c>dataset.upload</c>), on what (a target such as a dataset id) and how it ended.
/// Targets and outcomes never carry row data or sensitive values.
/// </summary>
public sealed record AuditRecord(DateTimeOffset At, TenantId Tenant, ApiKeyId? KeyId, string Action, string Target, string Outcome);
