using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Storage.Feedback;
using AutoMLPlatform.Storage.Tenancy;
using Dapper;

namespace AutoMLPlatform.Storage.Tests.Feedback;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlPredictionLogStoreTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Appended_rows_come_back_in_time_order_with_their_outputs_and_decrypted_inputs()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var first = Row(us, Noon, Inputs(("x", 1.5f), ("color", "red")), "yes", [0.2f, 0.8f]);
        var second = Row(us, Noon.AddMinutes(1), Inputs(("x", float.NaN), ("color", "blue")), "no", [0.9f, 0.1f]);

        await store.AppendAsync([second, first], CancellationToken.None);
        var read = await store.ReadAsync(us, "churn", 1, Noon, Noon.AddHours(1), CancellationToken.None);
        var inputs = await store.ReadInputsAsync(us, "churn", [first.Id, second.Id], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(r => r.PredictedLabel), Is.EqualTo(new[] { "yes", "no" }));
            Assert.That(read[0].Probabilities, Is.EqualTo(new[] { 0.2f, 0.8f }));
            Assert.That(read[0].PredictedAt, Is.EqualTo(Noon));
            Assert.That(inputs[first.Id], Is.EqualTo("""{"x":1.5,"color":"red"}"""));
            Assert.That(inputs[second.Id], Is.EqualTo("""{"x":null,"color":"blue"}"""));
        });
    }

    [Test]
    public async Task A_batch_of_many_rows_of_two_models_is_stored_whole()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var rows = Enumerable.Range(0, 250).Select(i => Row(us, Noon.AddSeconds(i), Inputs(("i", i)), "yes", [])).ToArray();
        var other = new LoggedPrediction(PredictionId.New(Noon), us, "other", 2, Noon, Inputs(), null, 1.5, []);

        await store.AppendAsync([.. rows, other], CancellationToken.None);
        var read = await store.ReadAsync(us, "churn", 1, Noon, Noon.AddHours(1), CancellationToken.None);
        var inputs = await store.ReadInputsAsync(us, "churn", [rows[0].Id, rows[249].Id], CancellationToken.None);
        var otherRead = await store.ReadAsync(us, "other", 2, Noon, Noon.AddHours(1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read, Has.Count.EqualTo(250));
            Assert.That(inputs[rows[249].Id], Is.EqualTo("""{"i":249}"""));
            Assert.That(otherRead.Single().PredictedValue, Is.EqualTo(1.5));
        });
    }

    [Test]
    public async Task Stored_inputs_are_sealed_and_hold_no_plaintext()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");

        await store.AppendAsync([Row(us, Noon, Inputs(("color", "plaintext-marker")), "yes", [])], CancellationToken.None);
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT sealed FROM prediction_blocks");
        var outputs = await connection.QuerySingleAsync<byte[]>("SELECT outputs FROM prediction_blocks");

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetString(stored), Does.Not.Contain("plaintext-marker"));
            Assert.That(System.Text.Encoding.UTF8.GetString(outputs), Does.Not.Contain("plaintext-marker"));
        });
    }

    [Test]
    public async Task Feedback_is_stored_once_then_replaced_by_a_later_one_and_unknown_ids_are_reported()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var row = Row(us, Noon, Inputs(), "yes", [0.3f, 0.7f]);
        await store.AppendAsync([row], CancellationToken.None);

        var first = await store.AddFeedbackAsync(us, "churn", [new PredictionFeedback(row.Id, "no", null, Noon)], Noon, CancellationToken.None);
        var second = await store.AddFeedbackAsync(us, "churn",
            [new PredictionFeedback(row.Id, "yes", null, Noon.AddHours(1)), new PredictionFeedback(PredictionId.New(Noon), "yes", null, Noon)], Noon, CancellationToken.None);
        var read = await store.ReadAsync(us, "churn", 1, Noon, Noon.AddHours(1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { FeedbackOutcome.Accepted }));
            Assert.That(second, Is.EqualTo(new[] { FeedbackOutcome.Replaced, FeedbackOutcome.UnknownId }));
            Assert.That(read.Single().TrueLabel, Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task Another_tenants_prediction_is_unknown_to_feedback_and_left_untouched()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        var acme = await AddTenantAsync(fixture);
        var theirs = Row(acme, Noon, Inputs(), "yes", []);
        await store.AppendAsync([theirs], CancellationToken.None);

        var outcome = await store.AddFeedbackAsync(us, "churn", [new PredictionFeedback(theirs.Id, "no", null, Noon)], Noon, CancellationToken.None);
        var versions = await store.FindVersionsAsync(us, "churn", [theirs.Id], CancellationToken.None);
        var read = await store.ReadAsync(acme, "churn", 1, Noon, Noon.AddHours(1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new[] { FeedbackOutcome.UnknownId }));
            Assert.That(versions, Is.Empty);
            Assert.That(read.Single().HasFeedback, Is.False);
        });
    }

    [Test]
    public async Task Retention_deletes_rows_older_than_their_models_retention_and_keeps_the_rest()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");
        await store.SetSettingsAsync(us, "churn", new PredictionLogSettings(1, 7), CancellationToken.None);
        var old = Row(us, Noon.AddDays(-8), Inputs(), "yes", []);
        var recent = Row(us, Noon.AddDays(-6), Inputs(), "no", []);
        await store.AppendAsync([old], CancellationToken.None);
        await store.AppendAsync([recent], CancellationToken.None);
        await store.AddFeedbackAsync(us, "churn", [new PredictionFeedback(old.Id, "no", null, Noon), new PredictionFeedback(recent.Id, "no", null, Noon)],
            Noon, CancellationToken.None);

        var deleted = await store.DeleteExpiredAsync(Noon, CancellationToken.None);
        var left = await store.ReadAsync(us, "churn", 1, Noon.AddDays(-30), Noon, CancellationToken.None);
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var blocks = await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM prediction_blocks");
        var feedback = await connection.QuerySingleAsync<long>("SELECT COUNT(*) FROM prediction_feedback");

        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(left.Single().PredictedLabel, Is.EqualTo("no"));
            Assert.That(blocks, Is.EqualTo(1));
            Assert.That(feedback, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Settings_default_to_off_and_only_enabled_models_are_listed()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = Store(fixture);
        var us = await AddTenantAsync(fixture, "us");

        var before = await store.GetSettingsAsync(us, "churn", CancellationToken.None);
        await store.SetSettingsAsync(us, "churn", new PredictionLogSettings(0.5, 10), CancellationToken.None);
        await store.SetSettingsAsync(us, "quiet", new PredictionLogSettings(0, 10), CancellationToken.None);
        var after = await store.GetSettingsAsync(us, "churn", CancellationToken.None);
        var enabled = await store.ListEnabledAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(PredictionLogSettings.Off));
            Assert.That(after, Is.EqualTo(new PredictionLogSettings(0.5, 10)));
            Assert.That(enabled.Select(e => e.ModelName), Is.EqualTo(new[] { "churn" }));
        });
    }

    internal static SqlPredictionLogStore Store(StoreFixture fixture) =>
        new(fixture.Database, new AesGcmBlobCipher(new TenantKeyRing(new SqlTenantStore(fixture.Database, TimeProvider.System), MasterKey.Generate())));

    internal static async Task<TenantId> AddTenantAsync(StoreFixture fixture, string name = "acme")
    {
        var tenant = new Tenant(TenantId.New(), name, DateTimeOffset.UnixEpoch);
        await new SqlTenantStore(fixture.Database, TimeProvider.System).TryCreateAsync(tenant, CancellationToken.None);
        return tenant.Id;
    }

    private static LoggedPrediction Row(TenantId tenant, DateTimeOffset at, LoggedInputs inputs, string label, float[] probabilities) =>
        new(PredictionId.New(at), tenant, "churn", 1, at, inputs, label, null, probabilities);

    /// <summary>Inputs by column: a float is a number (NaN missing), a string a text.</summary>
    internal static LoggedInputs Inputs(params (string Name, object Value)[] columns) =>
        new(columns.Select(c => c.Name).ToArray(), columns.Select(c => c.Value is float f ? f : c.Value is int i ? i : 0f).ToArray(),
            columns.Select(c => c.Value as string).ToArray());
}
