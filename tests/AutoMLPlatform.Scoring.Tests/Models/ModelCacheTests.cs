using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Models;

[Category("Slow")]
public class ModelCacheTests
{
    private const string Row = """{"x1": 0.8, "x2": 0.1, "color": "red"}""";

    [Test]
    public async Task The_production_version_predicts_with_class_names_and_probabilities()
    {
        await using var stores = await StartAsync();
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300), "y", "rule");
        var cache = stores.Services.GetRequiredService<ModelCache>();

        using var lease = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);
        var prediction = lease.Model.PredictJson(Row);

        Assert.Multiple(() =>
        {
            Assert.That(prediction.Label, Is.EqualTo("yes"));
            Assert.That(prediction.Probabilities![1], Is.GreaterThan(0.5f));
            Assert.That(prediction.Probabilities.Sum(), Is.EqualTo(1f).Within(1e-5));
        });
    }

    [Test]
    public async Task An_unknown_model_is_not_found()
    {
        await using var stores = await StartAsync();
        var cache = stores.Services.GetRequiredService<ModelCache>();

        Assert.ThrowsAsync<ModelNotFoundException>(async () => await cache.AcquireAsync(TenantId.Default, "nope", ModelSelector.Production, CancellationToken.None));
    }

    [Test]
    public async Task Moving_the_alias_swaps_the_served_version_while_a_held_lease_keeps_the_old_one_working()
    {
        await using var stores = await StartAsync();
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed: 1), "y", "rule");
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed: 2), "y", "rule");
        var cache = stores.Services.GetRequiredService<ModelCache>();
        using var old = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);

        await stores.Registry.SetAliasAsync(TenantId.Default, "rule", ModelAliases.Production, 2, CancellationToken.None);
        await cache.RefreshAliasesAsync(CancellationToken.None);
        using var current = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(current.Model.Version.Version, Is.EqualTo(2));
            Assert.That(old.Model.Version.Version, Is.EqualTo(1));
            Assert.That(old.Model.PredictJson(Row).Label, Is.EqualTo("yes"));
        });
    }

    [Test]
    public async Task Threads_that_just_served_the_old_version_get_the_new_one_once_the_alias_moved_while_a_lease_keeps_the_old_alive()
    {
        await using var stores = await StartAsync();
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed: 1), "y", "rule");
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed: 2), "y", "rule");
        var cache = stores.Services.GetRequiredService<ModelCache>();
        using var old = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);
        await CountVersionsAsync(cache, 1);

        await stores.Registry.SetAliasAsync(TenantId.Default, "rule", ModelAliases.Production, 2, CancellationToken.None);
        await cache.RefreshAliasesAsync(CancellationToken.None);
        var stale = await CountVersionsAsync(cache, 1);

        Assert.That(stale, Is.Zero, "leases on version 1 after production moved to 2");
    }

    [Test]
    public async Task A_retired_version_is_released_only_when_its_last_lease_ends()
    {
        await using var stores = await StartAsync();
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed: 1), "y", "rule");
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300, seed: 2), "y", "rule");
        var cache = stores.Services.GetRequiredService<ModelCache>();
        var inFlight = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);
        await stores.Registry.SetAliasAsync(TenantId.Default, "rule", ModelAliases.Production, 2, CancellationToken.None);

        await cache.RefreshAliasesAsync(CancellationToken.None);
        var releasedWhileHeld = inFlight.Model.IsReleased;
        inFlight.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(releasedWhileHeld, Is.False);
            Assert.That(inFlight.Model.IsReleased, Is.True);
            Assert.That(cache.Loaded.Select(m => m.Version.Version), Is.EqualTo(new[] { 2 }));
        });
    }

    [Test]
    public async Task Concurrent_callers_get_the_same_answers_as_one_caller_even_beyond_the_pool_size()
    {
        // Two pooled engines for eight callers: sessions are also made for bursts and dropped after.
        var wrong = await WrongConcurrentAnswersAsync(repeats: 100, (model, row) => Task.FromResult(model.PredictJson(row).Probabilities![1]));

        Assert.That(wrong, Is.Zero, "answers that differ from the single caller's");
    }

    [Test]
    public async Task Concurrent_callers_that_give_their_session_back_on_another_thread_get_unmixed_answers()
    {
        // Sessions move between thread slots when a caller awaits while holding one (as the CSV batch does).
        var wrong = await WrongConcurrentAnswersAsync(repeats: 50, async (model, row) => (await model.PredictJsonAcrossAwaitAsync(row)).Probabilities![1]);

        Assert.That(wrong, Is.Zero, "answers that differ from the single caller's");
    }

    /// <summary>Leases production many times from several threads at once; returns how many leases were on <paramref name="version"/>.</summary>
    private static async Task<int> CountVersionsAsync(ModelCache cache, int version)
    {
        var count = 0;
        await Parallel.ForAsync(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, token) =>
        {
            using var lease = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, token);
            Interlocked.Add(ref count, lease.Model.Version.Version == version ? 1 : 0);
        });
        return count;
    }

    private static Task<PlatformStores> StartAsync() => PlatformStores.StartAsync(configure: services => services.AddScoring());

    /// <summary>Eight callers over a pool of two engines, each row <paramref name="repeats"/> times: how many answers differ from one caller's.</summary>
    private static async Task<int> WrongConcurrentAnswersAsync(int repeats, Func<ScoringModel, string, Task<float>> predict)
    {
        await using var stores = await PlatformStores.StartAsync(configure: services => services.AddScoring(),
            settings: new Dictionary<string, string?> { ["AutoMLPlatform:Scoring:EnginesPerModel"] = "2" });
        await RegisteredModels.TrainAndRegisterAsync(stores, TestTables.BinaryCsv(300), "y", "rule");
        var cache = stores.Services.GetRequiredService<ModelCache>();
        var rows = Enumerable.Range(0, 200).Select(i => $$"""{"x1": {{(i - 100) / 100.0}}, "x2": 0.3, "color": "blue"}""").ToArray();
        using var lease = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);
        var expected = rows.Select(r => lease.Model.PredictJson(r).Probabilities![1]).ToArray();

        var wrong = 0;
        await Parallel.ForAsync(0, rows.Length * repeats, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            using var each = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, token);
            var answer = await predict(each.Model, rows[i % rows.Length]);
            Interlocked.Add(ref wrong, answer == expected[i % rows.Length] ? 0 : 1);
        });

        return wrong;
    }
}
