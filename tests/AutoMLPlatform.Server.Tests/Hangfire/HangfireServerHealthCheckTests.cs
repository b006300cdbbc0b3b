using AutoMLPlatform.Server.Hangfire;
using Hangfire.InMemory;
using Hangfire.Logging;
using Hangfire.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Server.Tests.Hangfire;

public class HangfireServerHealthCheckTests
{
    /// <summary>
    /// Hangfire keeps one process-wide log provider; a platform host started by an earlier test set it to its logger
    /// factory and disposed that when it stopped. These tests build storage without a host: give Hangfire a logger that
    /// is alive.
    /// </summary>
    [SetUp]
    public void UseSilentHangfireLogging() => LogProvider.SetCurrentLogProvider(new SilentLogProvider());

    [Test]
    public async Task A_process_whose_server_never_announced_itself_is_not_ready_even_beside_another_server()
    {
        using var storage = new InMemoryStorage();
        Announce(storage, new HangfireServerName());
        var check = new HangfireServerHealthCheck(storage, new HangfireServerName(), TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    [Test]
    public async Task A_server_with_a_fresh_heartbeat_is_ready_and_one_silent_for_three_intervals_is_not()
    {
        using var storage = new InMemoryStorage();
        var name = new HangfireServerName();
        Announce(storage, name);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var check = new HangfireServerHealthCheck(storage, name, time);

        var fresh = await check.CheckHealthAsync(new HealthCheckContext());
        time.Advance(HangfireSetup.HeartbeatTimeout + TimeSpan.FromSeconds(5));
        var silent = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.That((fresh.Status, silent.Status), Is.EqualTo((HealthStatus.Healthy, HealthStatus.Unhealthy)));
    }

    private static void Announce(InMemoryStorage storage, HangfireServerName name)
    {
        using var connection = storage.GetConnection();
        connection.AnnounceServer($"{name.Value}:{Environment.ProcessId}:{Guid.NewGuid()}", new ServerContext { Queues = ["default"], WorkerCount = 1 });
    }

    private sealed class SilentLogProvider : ILogProvider
    {
        public ILog GetLogger(string name) => new SilentLog();
    }

    private sealed class SilentLog : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
