using System.Data.Common;
using System.Runtime.CompilerServices;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Database;
using Dapper;

namespace AutoMLPlatform.Storage.Audit;

/// <summary>
/// The audit trail as one hash chain. The <c>audit_head</c> row holds the last sequence number and hash; bumping it
/// first in the write transaction locks it, so appends from any number of processes line up one after another.
/// Intents (<c>audit_intents</c>) are written before an action and removed in the transaction that appends its entry.
/// </summary>
internal sealed class SqlAuditLog(StoreDatabase database) : IAuditLog
{
    private const string Select = """
        SELECT sequence AS Sequence, at AS At, tenant_id AS TenantId, key_id AS KeyId, action AS Action, target AS Target,
               outcome AS Outcome, previous_hash AS PreviousHash, hash AS Hash
        FROM audit_log
        """;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var entry = await AppendAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    public async Task<AuditIntentId> BeginAsync(AuditRecord intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var id = AuditIntentId.New();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_intents (id, at, tenant_id, key_id, action, target) VALUES (@Id, @At, @TenantId, @KeyId, @Action, @Target)
            """,
            new
            {
                Id = id.ToString(), At = UnixTime.ToMs(intent.At), TenantId = intent.Tenant.ToString(), KeyId = intent.KeyId?.ToString(), intent.Action,
                intent.Target,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return id;
    }

    public async Task<AuditEntry> CompleteAsync(AuditIntentId intent, AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var entry = await AppendAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM audit_intents WHERE id = @Id", new { Id = intent.ToString() }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    public async Task<int> RecoverAsync(DateTimeOffset begunBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var stale = (await connection.QueryAsync<IntentRow>(new CommandDefinition("""
            SELECT id AS Id, at AS At, tenant_id AS TenantId, key_id AS KeyId, action AS Action, target AS Target
            FROM audit_intents WHERE at < @Before ORDER BY at, id
            """, new { Before = UnixTime.ToMs(begunBefore) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        foreach (var intent in stale)
        {
            await AppendAsync(connection, transaction, intent.ToRecord(IAuditLog.UnknownOutcome), cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM audit_intents WHERE id = @Id", new { intent.Id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stale.Length;
    }

    /// <summary>Appends inside the caller's write transaction: bumping the head first locks it, so appends line up.</summary>
    private static async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleAsync<HeadRow>(new CommandDefinition(
            "UPDATE audit_head SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence AS Sequence, hash AS Hash",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var hash = AuditHash.Compute(head.Sequence, record, head.Hash);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_log (sequence, at, tenant_id, key_id, action, target, outcome, previous_hash, hash)
            VALUES (@Sequence, @At, @TenantId, @KeyId, @Action, @Target, @Outcome, @PreviousHash, @Hash)
            """,
            new
            {
                head.Sequence, At = UnixTime.ToMs(record.At), TenantId = record.Tenant.ToString(), KeyId = record.KeyId?.ToString(),
                record.Action, record.Target, record.Outcome, PreviousHash = head.Hash, Hash = hash,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE audit_head SET hash = @Hash WHERE id = 1", new { Hash = hash }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new AuditEntry(head.Sequence, record, head.Hash, hash);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(TenantId tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"{Select} WHERE tenant_id = @Tenant ORDER BY sequence DESC LIMIT @Limit OFFSET @Offset",
            new { Tenant = tenant.ToString(), Limit = limit, Offset = offset }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    public async Task<AuditHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var head = await connection.QuerySingleAsync<HeadRow>(new CommandDefinition(
            "SELECT sequence AS Sequence, hash AS Hash FROM audit_head WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new AuditHead(head.Sequence, head.Hash);
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int page = 1000;
        long after = 0;
        while (true)
        {
            EntryRow[] rows;
            await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                rows = (await connection.QueryAsync<EntryRow>(new CommandDefinition(
                    $"{Select} WHERE sequence > @After ORDER BY sequence LIMIT {page}", new { After = after },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
            }

            foreach (var row in rows)
            {
                yield return row.ToEntry();
            }

            if (rows.Length < page)
            {
                yield break;
            }

            after = rows[^1].Sequence;
        }
    }

    private sealed class HeadRow
    {
        public long Sequence { get; set; }
        public string Hash { get; set; } = "";
    }

    private sealed class IntentRow
    {
        public string Id { get; set; } = "";
        public long At { get; set; }
        public string TenantId { get; set; } = "";
        public string? KeyId { get; set; }
        public string Action { get; set; } = "";
        public string Target { get; set; } = "";

        public AuditRecord ToRecord(string outcome) => new(UnixTime.FromMs(At), Core.Tenancy.TenantId.Parse(TenantId),
            KeyId is null ? null : new ApiKeyId(Guid.Parse(KeyId)), Action, Target, outcome);
    }

    private sealed class EntryRow
    {
        public long Sequence { get; set; }
        public long At { get; set; }
        public string TenantId { get; set; } = "";
        public string? KeyId { get; set; }
        public string Action { get; set; } = "";
        public string Target { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";

        public AuditEntry ToEntry() => new(Sequence,
            new AuditRecord(UnixTime.FromMs(At), Core.Tenancy.TenantId.Parse(TenantId), KeyId is null ? null : new ApiKeyId(Guid.Parse(KeyId)), Action, Target, Outcome),
            PreviousHash, Hash);
    }
}
