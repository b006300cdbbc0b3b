using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Operations;

public class JobGaugeTests
{
    [Test]
    public async Task Metrics_count_queued_running_and_last_hour_failed_jobs_of_all_tenants_with_no_tenant_label()
    {
        // No worker here serves the training queue, so the rows written below stay as they are, whatever recovery does.
        using var factory = new PlatformFactory(new()
        {
            ["AutoMLPlatform:Telemetry:JobGaugeInterval"] = "00:00:00.200",
            ["AutoMLPlatform:Jobs:Queues:0"] = "pipelines",
        });
        using var api = factory.Api();
        var jobs = factory.Services.GetRequiredService<IJobStore>();
        var now = DateTimeOffset.UtcNow;
        var other = TenantId.New();
        await jobs.CreateAsync(Job(TenantId.Default, now), CancellationToken.None);
        await jobs.CreateAsync(Job(other, now), CancellationToken.None);
        await jobs.CreateAsync(Job(other, now).Start(now), CancellationToken.None);
        await jobs.CreateAsync(Job(TenantId.Default, now).Start(now).Fail(now.AddMinutes(-5), "recent"), CancellationToken.None);
        await jobs.CreateAsync(Job(other, now).Start(now).Fail(now.AddHours(-3), "old"), CancellationToken.None);

        var lines = await ScrapeUntilAsync(api.Http, text => text.Contains("jobs_queued", StringComparison.Ordinal) && Gauge(text, "jobs_queued") == "2");
        var gauges = lines.Where(l => l.StartsWith("jobs_", StringComparison.Ordinal)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(Gauge(lines, "jobs_queued"), Is.EqualTo("2"));
            Assert.That(Gauge(lines, "jobs_running"), Is.EqualTo("1"));
            Assert.That(Gauge(lines, "jobs_failed_last_hour"), Is.EqualTo("1"));
            Assert.That(gauges, Has.None.Contains("tenant").And.None.Contains(other.ToString()));
        });
    }

    [Test]
    [Category("Postgres")]
    [Category("Slow")]
    public async Task Every_role_serves_the_job_gauges_at_metrics()
    {
        await using var cluster = await ScaleOut.Cluster.CreateAsync();

        var api = await QueuedGaugeOfAsync(cluster, "api");
        var worker = await QueuedGaugeOfAsync(cluster, "worker");
        var scoring = await QueuedGaugeOfAsync(cluster, "scoring");

        Assert.That((api, worker, scoring), Is.EqualTo(("0", "0", "0")));
    }

    private static async Task<string?> QueuedGaugeOfAsync(ScaleOut.Cluster cluster, string role)
    {
        using var process = await cluster.StartAsync(role);
        using var client = process.Api();
        return Gauge(await ScrapeUntilAsync(client.Http, text => text.Contains("jobs_queued", StringComparison.Ordinal)), "jobs_queued");
    }

    /// <summary>The gauges come from a background read, so the first scrapes may not show them yet.</summary>
    internal static async Task<string[]> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text.Split('\n');
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The value of a gauge series in Prometheus text (whatever its labels), or null.</summary>
    internal static string? Gauge(IEnumerable<string> lines, string name) =>
        lines.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).FirstOrDefault();

    private static string? Gauge(string text, string name) => Gauge(text.Split('\n'), name);

    private static TrainingJob Job(TenantId tenant, DateTimeOffset now) => TrainingJob.Create(tenant,
        new JobSpec(DatasetId.New(), 1, "y", TaskKind.Binary, MetricKind.Auc, TimeSpan.FromSeconds(30), "m"), now);
}
