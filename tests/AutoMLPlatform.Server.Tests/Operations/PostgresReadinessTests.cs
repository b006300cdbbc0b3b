using System.Net;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Operations;

/// <summary>Readiness of real processes whose PostgreSQL goes away: a cluster of the test's own, stopped under them.</summary>
[Category("Postgres")]
[Category("Slow")]
public class PostgresReadinessTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_worker_is_ready_until_its_postgresql_stops_then_health_answers_503_naming_the_store()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        using var directory = new TempDirectory();
        using var worker = await ServerProcess.StartRoleAsync("worker", directory.Path, new Dictionary<string, string>
        {
            ["AutoMLPlatform:Provider"] = "Postgres",
            ["AutoMLPlatform:ConnectionString"] = postgres.ConnectionString,
        });
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{worker.Port}") }; // a probe sends no key
        var ready = await HealthProbe.WaitForAsync(probe, a => a.Status == HttpStatusCode.OK, Settle);

        await postgres.StopAsync();
        var (status, contentType, body) = await HealthProbe.WaitForAsync(probe, a => a.Status != HttpStatusCode.OK, Settle);
        using var alive = await probe.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(ready.Status, Is.EqualTo(HttpStatusCode.OK), ready.Body.ToJsonString());
            Assert.That(HealthProbe.CheckStatus(ready.Body, "hangfire-server"), Is.EqualTo("healthy"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(contentType, Is.EqualTo("application/problem+json"));
            Assert.That(body["failing"]!.AsArray().Select(f => (string?)f), Does.Contain("store"), body.ToJsonString());
            Assert.That(body.ToJsonString(), Does.Not.Contain("127.0.0.1"), "an anonymous answer names no host");
            Assert.That(alive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
