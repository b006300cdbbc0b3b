using System.Text;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Storage.Feedback;
using AutoMLPlatform.Storage.Tenancy;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static AutoMLPlatform.Storage.Tests.Feedback.SqlPredictionLogStoreTests;

namespace AutoMLPlatform.Storage.Tests.Feedback;

/// <summary>A log written in the first format (a SQL row per prediction) is moved into blocks at start, with its feedback.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class LegacyPredictionLogTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Rows_of_the_first_format_move_into_blocks_with_their_inputs_and_feedback_and_the_old_rows_go()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var cipher = new AesGcmBlobCipher(new TenantKeyRing(new SqlTenantStore(fixture.Database, TimeProvider.System), MasterKey.Generate()));
        var us = await AddTenantAsync(fixture, "us");
        var (answer, shadow) = (PredictionId.New(Noon), PredictionId.New(Noon.AddSeconds(1)));
        await using (var connection = await fixture.Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO prediction_inputs (id, tenant_id, model_name, created_at, sealed) VALUES ('b1', @Tenant, 'churn', @At, @Sealed)",
                new { Tenant = us.ToString(), At = Noon.AddSeconds(1).ToUnixTimeMilliseconds(),
                    Sealed = await SealAsync(cipher, us, """[{"x":1.5,"color":"red"},{"x":null,"color":"blue"}]""") });
            await connection.ExecuteAsync("""
                INSERT INTO prediction_log (id, tenant_id, model_name, version, predicted_at, inputs_id, inputs_index, predicted_label, predicted_value,
                    probabilities_json, true_label, true_value, observed_at, feedback_at, shadow, shadow_of)
                VALUES (@Answer, @Tenant, 'churn', 1, @At, 'b1', 0, 'yes', NULL, '[0.2,0.8]', 'no', NULL, @At, @At, 0, NULL),
                       (@Shadow, @Tenant, 'churn', 2, @ShadowAt, 'b1', 1, 'no', NULL, NULL, 'no', NULL, @At, @At, 1, @Answer)
                """, new { Answer = answer.ToString(), Shadow = shadow.ToString(), Tenant = us.ToString(), At = Noon.ToUnixTimeMilliseconds(),
                ShadowAt = Noon.AddSeconds(1).ToUnixTimeMilliseconds() });
        }

        var services = new ServiceCollection().AddSingleton<IBlobCipher>(cipher).BuildServiceProvider();
        var legacy = new LegacyPredictionLog(fixture.Database, services, NullLogger<LegacyPredictionLog>.Instance);
        await legacy.MoveAsync(CancellationToken.None);
        await legacy.MoveAsync(CancellationToken.None);
        var store = Store(fixture, cipher);
        var answered = await store.ReadAsync(us, "churn", 1, Noon, Noon.AddHours(1), CancellationToken.None);
        var shadowed = await store.ReadAsync(us, "churn", 2, Noon, Noon.AddHours(1), CancellationToken.None);
        var inputs = await store.ReadInputsAsync(us, "churn", [answer, shadow], CancellationToken.None);
        var again = await store.AddFeedbackAsync(us, "churn", [new PredictionFeedback(answer, "yes", null, Noon)], Noon, CancellationToken.None);
        await using var check = await fixture.Database.OpenAsync(CancellationToken.None);
        var oldRows = await check.QuerySingleAsync<long>("SELECT (SELECT COUNT(*) FROM prediction_log) + (SELECT COUNT(*) FROM prediction_inputs)");

        Assert.Multiple(() =>
        {
            Assert.That(answered.Single().Id, Is.EqualTo(answer));
            Assert.That(answered.Single().Probabilities, Is.EqualTo(new[] { 0.2f, 0.8f }));
            Assert.That(answered.Single().TrueLabel, Is.EqualTo("no"));
            Assert.That(shadowed.Single().TrueLabel, Is.EqualTo("no"));
            Assert.That(inputs[answer], Is.EqualTo("""{"x":1.5,"color":"red"}"""));
            Assert.That(inputs[shadow], Is.EqualTo("""{"x":null,"color":"blue"}"""));
            Assert.That(again, Is.EqualTo(new[] { FeedbackOutcome.Replaced }));
            Assert.That(oldRows, Is.Zero);
        });
    }

    private static SqlPredictionLogStore Store(StoreFixture fixture, IBlobCipher cipher) => new(fixture.Database, cipher);

    private static async Task<string> SealAsync(IBlobCipher cipher, TenantId tenant, string json)
    {
        using var buffer = new MemoryStream();
        await using (var sealing = await cipher.EncryptToAsync(tenant, buffer, CancellationToken.None))
        {
            await sealing.WriteAsync(Encoding.UTF8.GetBytes(json));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}
