using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AutoMLPlatform.Core.Audit;

/// <summary>
/// The hash chain of the audit trail: each entry's hash covers its sequence number, every field of its record and
/// the previous entry's hash, so editing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditHash
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static string Genesis { get; } = new('0', 64);

    public static string Compute(long sequence, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = string.Join('\n',
            previousHash,
            sequence.ToString(CultureInfo.InvariantCulture),
            record.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            record.Tenant.ToString(),
            record.KeyId?.ToString() ?? "-",
            Escape(record.Action),
            Escape(record.Target),
            Escape(record.Outcome));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks a chain read in sequence order; returns the first entry that does not fit, or null when all do.</summary>
    public static (long Sequence, string Reason)? FindBreak(IEnumerable<AuditEntry> entries) => FindBreak(entries, head: null);

    /// <summary>
    /// Checks a chain read in sequence order against its <paramref name="head"/>, read before the entries: the chain must
    /// reach the head's entry and that entry must carry the head's hash, so deleting the newest entries is found too.
    /// Entries past the head were appended after it was read.
    /// </summary>
    public static (long Sequence, string Reason)? FindBreak(IEnumerable<AuditEntry> entries, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = Genesis;
        long expected = 1;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expected)
            {
                return (entry.Sequence, $"expected entry {expected} but found {entry.Sequence}: an entry was removed or inserted");
            }

            if (entry.PreviousHash != previous)
            {
                return (entry.Sequence, "its link to the previous entry does not match: an earlier entry was changed or removed");
            }

            if (Compute(entry.Sequence, entry.Record, entry.PreviousHash) != entry.Hash)
            {
                return (entry.Sequence, "its content does not match its hash: it was edited");
            }

            if (head is not null && entry.Sequence == head.Sequence && entry.Hash != head.Hash)
            {
                return (entry.Sequence, "its hash is not the one recorded at the head of the trail: the newest entries were replaced");
            }

            previous = entry.Hash;
            expected++;
        }

        return head is not null && expected <= head.Sequence
            ? (expected, $"the trail ends at entry {expected - 1} but its head records entry {head.Sequence}: the newest entries were removed")
            : null;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
