using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Security.Tests.Audit;

public class AuditHashTests
{
    [Test]
    public void An_untouched_chain_verifies()
    {
        Assert.That(AuditHash.FindBreak(Chain(5)), Is.Null);
    }

    [Test]
    public void An_edited_entry_is_found()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Record = chain[2].Record with { Outcome = "success" } };

        Assert.That(AuditHash.FindBreak(chain)?.Sequence, Is.EqualTo(3));
    }

    [Test]
    public void A_removed_entry_is_found()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.That(AuditHash.FindBreak(chain)?.Sequence, Is.EqualTo(3));
    }

    [Test]
    public void A_rehashed_edit_still_breaks_the_next_link()
    {
        var chain = Chain(5);
        var edited = chain[1].Record with { Target = "other" };
        chain[1] = chain[1] with { Record = edited, Hash = AuditHash.Compute(2, edited, chain[1].PreviousHash) };

        Assert.That(AuditHash.FindBreak(chain)?.Sequence, Is.EqualTo(3));
    }

    [Test]
    public void A_chain_whose_newest_entries_were_removed_breaks_where_they_began_against_its_head()
    {
        var chain = Chain(5);
        var head = new AuditHead(5, chain[4].Hash);
        chain.RemoveRange(3, 2);

        Assert.Multiple(() =>
        {
            Assert.That(AuditHash.FindBreak(chain), Is.Null, "the chain alone still links");
            Assert.That(AuditHash.FindBreak(chain, head)?.Sequence, Is.EqualTo(4));
        });
    }

    [Test]
    public void A_chain_whose_newest_entries_were_replaced_breaks_at_the_head()
    {
        var chain = Chain(5);
        var head = new AuditHead(5, chain[4].Hash);
        var forged = chain[4].Record with { Outcome = "success" };
        chain[4] = chain[4] with { Record = forged, Hash = AuditHash.Compute(5, forged, chain[4].PreviousHash) };

        Assert.That(AuditHash.FindBreak(chain, head)?.Sequence, Is.EqualTo(5));
    }

    [Test]
    public void Entries_appended_after_the_head_was_read_are_not_a_break()
    {
        var chain = Chain(5);

        Assert.That(AuditHash.FindBreak(chain, new AuditHead(3, chain[2].Hash)), Is.Null);
    }

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditHash.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var record = new AuditRecord(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000 + i), TenantId.Default, null, "dataset.upload", $"dataset/{i}", "denied");
            var hash = AuditHash.Compute(i, record, previous);
            entries.Add(new AuditEntry(i, record, previous, hash));
            previous = hash;
        }

        return entries;
    }
}
