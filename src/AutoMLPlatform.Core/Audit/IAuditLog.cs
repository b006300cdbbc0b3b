using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Audit;

/// <summary>The append-only audit trail, one hash chain across all tenants.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record as the next entry of the chain; concurrent appends are serialised.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>A tenant's entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Where the trail ends, as the appends recorded it (sequence 0 and the genesis hash when empty).</summary>
    Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order, for verifying the chain.</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken);
}
