using System.Collections.Concurrent;
using System.Net;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Scoring.Tests.Models;

[Category("Slow")]
public class HotReloadTests
{
    private const int Clients = 8;

    [Test]
    public async Task Promoting_and_rolling_back_under_steady_load_fails_no_request_and_releases_every_retired_version()
    {
        using var directory = new TempDirectory();
        using var host = await ScoringHost.StartAsync(directory, versions: 2);
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<ModelCache>();
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var load = new Load(host, client);
        var seen = new HashSet<ScoringModel>();

        var running = load.RunAsync();
        await SwapAsync(registry, cache, load, seen, [2, 1, 2, 1]);
        var (statuses, versions) = await load.StopAsync(running);
        var current = cache.Loaded.Single();

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Keys, Is.EqualTo(new[] { HttpStatusCode.OK }), "every request succeeded");
            Assert.That(statuses[HttpStatusCode.OK], Is.GreaterThan(Clients * 4));
            Assert.That(versions, Is.EquivalentTo(new[] { 1, 2 }));
            Assert.That(current.Version.Version, Is.EqualTo(1));
            Assert.That(seen.Where(m => m != current).Select(m => m.IsReleased), Is.EqualTo(new[] { true, true, true, true }));
        });
    }

    /// <summary>Moves production through <paramref name="targets"/>, each time until requests are answered by the new version.</summary>
    private static async Task SwapAsync(IModelRegistry registry, ModelCache cache, Load load, HashSet<ScoringModel> seen, int[] targets)
    {
        await load.WaitForVersionAsync(1);
        foreach (var target in targets)
        {
            seen.UnionWith(cache.Loaded);
            await registry.SetAliasAsync(TenantId.Default, "rule", ModelAliases.Production, target, CancellationToken.None);
            await load.WaitForVersionAsync(target);
            seen.UnionWith(cache.Loaded);
        }
    }

    /// <summary>Clients posting single rows back to back, recording every status and the versions that answered.</summary>
    private sealed class Load(ScoringHost host, HttpClient client)
    {
        private readonly ConcurrentDictionary<HttpStatusCode, int> _statuses = new();
        private readonly ConcurrentDictionary<int, int> _versions = new();
        private readonly CancellationTokenSource _stop = new();
        private volatile int _last;

        public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)));

        public async Task WaitForVersionAsync(int version)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (_last != version)
            {
                await Task.Delay(20, timeout.Token);
            }

            // Keep the load on the new version a little longer so in-flight requests overlap the next swap.
            await Task.Delay(200, timeout.Token);
        }

        public async Task<(IReadOnlyDictionary<HttpStatusCode, int> Statuses, IReadOnlyCollection<int> Versions)> StopAsync(Task running)
        {
            await _stop.CancelAsync();
            await running;
            _stop.Dispose();
            return (_statuses, _versions.Keys.ToArray());
        }

        private async Task ClientAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var response = await host.PostJsonAsync(client, "/api/predict/rule", ScoringHost.Row);
                _statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var version = (int)(await ScoringHost.ReadObjectAsync(response))["version"]!;
                    _versions.AddOrUpdate(version, 1, (_, n) => n + 1);
                    _last = version;
                }
            }
        }
    }
}
