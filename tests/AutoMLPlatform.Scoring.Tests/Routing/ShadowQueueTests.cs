using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.PredictionLog;
using AutoMLPlatform.Scoring.Shadow;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.Tests.Routing;

[Category("Slow")]
public class ShadowQueueTests
{
    [Test]
    public async Task A_full_shadow_queue_refuses_the_row_without_waiting_and_counts_it_dropped()
    {
        using var directory = new TempDirectory();
        using var host = await ScoringHost.StartAsync(directory);
        var cache = host.Services.GetRequiredService<ModelCache>();
        using var lease = await cache.AcquireAsync(TenantId.Default, "rule", ModelSelector.Production, CancellationToken.None);
        var options = Options.Create(new ScoringOptions());
        options.Value.PredictionLog.ShadowQueueCapacity = 1;
        var queue = new ShadowQueue(options, host.Services.GetRequiredService<IMeterFactory>());
        var session = lease.Model.Rent();

        var first = queue.TryEnqueue(ShadowRow.Copy(TenantId.Default, lease.Model, session.Row, null, DateTimeOffset.UtcNow));
        var second = queue.TryEnqueue(ShadowRow.Copy(TenantId.Default, lease.Model, session.Row, null, DateTimeOffset.UtcNow));
        lease.Model.Return(session);

        Assert.That((first, second, queue.Dropped), Is.EqualTo((true, false, 1L)));
    }
}
