using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using Dapper;
using static AutoMLPlatform.Storage.Tests.Feedback.SqlPredictionLogStoreTests;

namespace AutoMLPlatform.Storage.Tests.Feedback;

/// <summary>The log's blocks: rows are found by the time their ids carry, however the blocks are cut.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class PredictionBlockTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Rows_spread_over_minutes_are_cut_into_blocks_and_every_one_is_found_by_its_id()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var rows = Enumerable.Range(0, 300).Select(i => Row(us, Noon.AddSeconds(i), i % 2 + 1, null)).ToArray();

        await store.AppendAsync(rows, CancellationToken.None);
        var versions = await store.FindVersionsAsync(us, "churn", rows.Select(r => r.Id).ToArray(), CancellationToken.None);
        var inputs = await store.ReadInputsAsync(us, "churn", [rows[0].Id, rows[150].Id, rows[299].Id], CancellationToken.None);
        var secondVersion = await store.ReadAsync(us, "churn", 2, Noon, Noon.AddSeconds(120), CancellationToken.None);
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var blocks = await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM prediction_blocks");

        Assert.Multiple(() =>
        {
            Assert.That(blocks, Is.EqualTo(5), "300 s of rows in blocks of at most 60 s");
            Assert.That(versions, Has.Count.EqualTo(300));
            Assert.That(rows.All(r => versions[r.Id] == r.Version), Is.True);
            Assert.That(inputs[rows[150].Id], Is.EqualTo("""{"i":150}"""));
            Assert.That(secondVersion.Select(r => r.Id), Is.EqualTo(rows.Take(120).Where(r => r.Version == 2).Select(r => r.Id)));
        });
    }

    [Test]
    public async Task Inputs_come_back_as_the_model_saw_them_whatever_their_text_or_missing_values()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var row = Row(us, Noon, 1, null) with
        {
            Inputs = Inputs(("city", "Zürich 東京 \"quoted\""), ("empty", ""), ("nan", float.NaN), ("zero", 0f), ("small", -1.25e-7f), ("ünïcode name", "x")),
        };

        await store.AppendAsync([row], CancellationToken.None);
        var inputs = await store.ReadInputsAsync(us, "churn", [row.Id], CancellationToken.None);

        Assert.That(inputs[row.Id], Is.EqualTo(
            """{"city":"Z\u00FCrich \u6771\u4EAC \u0022quoted\u0022","empty":null,"nan":null,"zero":0,"small":-1.25E-07,"\u00FCn\u00EFcode name":"x"}"""));
    }

    [Test]
    public async Task Feedback_on_an_answer_labels_the_shadow_row_that_scored_the_same_input()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var answer = Row(us, Noon, 1, null);
        var shadow = Row(us, Noon.AddSeconds(2), 2, answer.Id);

        await store.AppendAsync([answer], CancellationToken.None);
        await store.AppendAsync([shadow], CancellationToken.None);
        var outcome = await store.AddFeedbackAsync(us, "churn", [new PredictionFeedback(answer.Id, "no", null, Noon)], Noon, CancellationToken.None);
        var shadowRead = await store.ReadAsync(us, "churn", 2, Noon, Noon.AddHours(1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new[] { FeedbackOutcome.Accepted }));
            Assert.That(shadowRead.Single().Id, Is.EqualTo(shadow.Id));
            Assert.That(shadowRead.Single().TrueLabel, Is.EqualTo("no"));
        });
    }

    [Test]
    public async Task An_id_that_does_not_carry_its_prediction_time_is_refused_and_nothing_is_written()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var good = Row(us, Noon, 1, null);
        var random = good with { Id = PredictionId.FromGuid(Guid.NewGuid()) };

        Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([good, random], CancellationToken.None));
        var read = await store.ReadAsync(us, "churn", 1, Noon, Noon.AddHours(1), CancellationToken.None);
        var unknown = await store.FindVersionsAsync(us, "churn", [random.Id, PredictionId.FromGuid(Guid.NewGuid())], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.Empty);
            Assert.That(unknown, Is.Empty);
        });
    }

    [Test]
    public async Task Feedback_for_thousands_of_ids_over_a_day_is_matched_in_one_call()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var rows = Enumerable.Range(0, 5_000).Select(i => Row(us, Noon.AddSeconds(i * 17), 1, null)).ToArray();
        foreach (var batch in rows.Chunk(2_000))
        {
            await store.AppendAsync(batch, CancellationToken.None);
        }

        var labelled = rows.Where((_, i) => i % 2 == 0).ToArray();
        var outcomes = await store.AddFeedbackAsync(us, "churn",
            [.. labelled.Select(r => new PredictionFeedback(r.Id, "no", null, Noon)), new PredictionFeedback(PredictionId.New(Noon), "no", null, Noon)],
            Noon, CancellationToken.None);
        var read = await store.ReadAsync(us, "churn", 1, Noon, Noon.AddDays(2), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o == FeedbackOutcome.Accepted), Is.EqualTo(2_500));
            Assert.That(outcomes[^1], Is.EqualTo(FeedbackOutcome.UnknownId));
            Assert.That(read, Has.Count.EqualTo(5_000));
            Assert.That(read.Count(r => r.HasFeedback), Is.EqualTo(2_500));
            Assert.That(read.Where((_, i) => i % 2 == 0).All(r => r.TrueLabel == "no"), Is.True);
        });
    }

    private static LoggedPrediction Row(TenantId tenant, DateTimeOffset at, int version, PredictionId? shadowOf) =>
        new(PredictionId.New(at), tenant, "churn", version, at, Inputs(("i", (int)(at - Noon).TotalSeconds)), "yes", null, [0.4f, 0.6f])
        {
            Shadow = shadowOf is not null,
            ShadowOf = shadowOf,
        };
}
