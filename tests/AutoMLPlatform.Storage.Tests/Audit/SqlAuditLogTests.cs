using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Audit;
using Dapper;

namespace AutoMLPlatform.Storage.Tests.Audit;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlAuditLogTests(StorageProvider provider)
{
    [Test]
    public async Task Concurrent_appends_form_one_unbroken_chain()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var log = new SqlAuditLog(fixture.Database);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => log.AppendAsync(Record($"dataset/{i}"), CancellationToken.None))));
        var entries = await log.ReadAllAsync(CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 20).Select(i => (long)i)));
            Assert.That(AuditHash.FindBreak(entries), Is.Null);
        });
    }

    [Test]
    public async Task An_entry_edited_in_the_database_is_caught_by_verification()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var log = new SqlAuditLog(fixture.Database);
        for (var i = 0; i < 3; i++)
        {
            await log.AppendAsync(Record($"job/{i}"), CancellationToken.None);
        }

        await using (var connection = await fixture.Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE audit_log SET outcome = 'success' WHERE sequence = 2");
        }

        var entries = await log.ReadAllAsync(CancellationToken.None).ToListAsync();

        Assert.That(AuditHash.FindBreak(entries)?.Sequence, Is.EqualTo(2));
    }

    [Test]
    public async Task Deleting_the_newest_entries_is_caught_by_verification_against_the_head()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var log = new SqlAuditLog(fixture.Database);
        var empty = await log.ReadHeadAsync(CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await log.AppendAsync(Record($"job/{i}"), CancellationToken.None);
        }

        var head = await log.ReadHeadAsync(CancellationToken.None);
        var intact = AuditHash.FindBreak(await log.ReadAllAsync(CancellationToken.None).ToListAsync(), head);
        await using (var connection = await fixture.Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DELETE FROM audit_log WHERE sequence > 2");
        }

        var truncated = AuditHash.FindBreak(await log.ReadAllAsync(CancellationToken.None).ToListAsync(), await log.ReadHeadAsync(CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(empty, Is.EqualTo(new AuditHead(0, AuditHash.Genesis)));
            Assert.That(head.Sequence, Is.EqualTo(4));
            Assert.That(intact, Is.Null);
            Assert.That(truncated?.Sequence, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task An_action_begun_and_never_completed_is_appended_by_recovery_with_an_unknown_outcome_and_a_completed_one_once()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var log = new SqlAuditLog(fixture.Database);
        var crashed = await log.BeginAsync(Record("dataset/crashed"), CancellationToken.None);
        var finished = await log.BeginAsync(Record("dataset/finished"), CancellationToken.None);
        await log.CompleteAsync(finished, Record("dataset/finished") with { Outcome = "success" }, CancellationToken.None);
        await log.BeginAsync(Record("dataset/in-flight") with { At = DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000) }, CancellationToken.None);

        var recovered = await log.RecoverAsync(DateTimeOffset.FromUnixTimeMilliseconds(1_850_000_000_000), CancellationToken.None);
        var again = await log.RecoverAsync(DateTimeOffset.FromUnixTimeMilliseconds(1_850_000_000_000), CancellationToken.None);
        var entries = await log.ReadAllAsync(CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That((recovered, again), Is.EqualTo((1, 0)));
            Assert.That(entries.Select(e => (e.Record.Target, e.Record.Outcome)), Is.EqualTo(new[]
            {
                ("dataset/finished", "success"), ("dataset/crashed", IAuditLog.UnknownOutcome),
            }), "the in-flight action, younger than the cutoff, is left to its request");
            Assert.That(AuditHash.FindBreak(entries), Is.Null);
            Assert.That(crashed, Is.Not.EqualTo(finished));
        });
    }

    private static AuditRecord Record(string target) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000), TenantId.Default, null, "job.submit", target, "denied");
}
