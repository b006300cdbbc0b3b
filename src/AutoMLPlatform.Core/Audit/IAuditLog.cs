using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Core.Audit;

/// <summary>The append-only audit trail, one hash chain across all tenants.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record as the next entry of the chain; concurrent appends are serialised.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Records, before an audited action runs, that it is about to: the record as known then (its outcome is not).
    /// <see cref="CompleteAsync"/> turns it into the chain's entry; if the process ends first, <see cref="RecoverAsync"/>
    /// appends it with the outcome <see cref="UnknownOutcome"/>. So no action runs without an entry, even when the
    /// process dies between the action's commit and its entry; and an action whose intent cannot be written does not run.
    /// </summary>
    Task<AuditIntentId> BeginAsync(AuditRecord intent, CancellationToken cancellationToken);

    /// <summary>Appends the action's final record and removes its intent, in one transaction.</summary>
    Task<AuditEntry> CompleteAsync(AuditIntentId intent, AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends every intent begun before <paramref name="begunBefore"/> and never completed, with <see cref="UnknownOutcome"/>; returns how many.</summary>
    Task<int> RecoverAsync(DateTimeOffset begunBefore, CancellationToken cancellationToken);

    /// <summary>The outcome of an action whose process ended before its outcome was recorded.</summary>
    const string UnknownOutcome = "unknown: the process ended before the outcome was recorded";

    /// <summary>A tenant's entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Where the trail ends, as the appends recorded it (sequence 0 and the genesis hash when empty).</summary>
    Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order, for verifying the chain.</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken);
}
