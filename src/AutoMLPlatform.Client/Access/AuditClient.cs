using AutoMLPlatform.Client.Http;

namespace AutoMLPlatform.Client.Access;

/// <summary>The audit trail: the tenant's entries (admin scope) and verification of the whole chain (system admin).</summary>
public sealed class AuditClient
{
    private readonly ApiConnection _api;

    internal AuditClient(ApiConnection api) => _api = api;

    /// <summary>The caller's tenant's entries, newest first.</summary>
    public Task<Page<AuditEntry>> ListAsync(int? offset = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Page<AuditEntry>>(ApiRoutes.ListAudit, Query.Of(ApiRoutes.ListAudit.Path(), ("offset", offset), ("limit", limit)), null, cancellationToken);

    /// <summary>Checks the whole hash chain.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        _api.SendAsync<AuditVerification>(ApiRoutes.VerifyAudit, ApiRoutes.VerifyAudit.Path(), null, cancellationToken);
}
