using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoMLPlatform.Server.Hangfire;

/// <summary>
/// Readiness of a process that runs jobs: its own Hangfire server has written a heartbeat to the job storage within
/// <see cref="HangfireSetup.HeartbeatTimeout"/>. A server that never announced itself, was stopped, or cannot reach
/// the storage is not ready, even if the rest of the process is.
/// </summary>
internal sealed class HangfireServerHealthCheck(JobStorage storage, HangfireServerName name, TimeProvider time) : IHealthCheck
{
    public const string Name = "hangfire-server";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Hangfire's monitoring API is synchronous (a storage query); run it off the request's thread.
        var servers = await Task.Run(() => storage.GetMonitoringApi().Servers(), cancellationToken).ConfigureAwait(false);
        var ours = servers.Where(s => name.Owns(s.Name)).ToArray();
        var now = time.GetUtcNow().UtcDateTime;
        if (ours.Length == 0)
        {
            return HealthCheckResult.Unhealthy("This process's Hangfire server has not announced itself.");
        }

        var heartbeat = ours.Max(s => s.Heartbeat ?? DateTime.MinValue);
        var age = now - DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc);
        return age > HangfireSetup.HeartbeatTimeout
            ? HealthCheckResult.Unhealthy($"This process's Hangfire server last beat {age.TotalSeconds:F0} s ago.")
            : HealthCheckResult.Healthy($"This process's Hangfire server beat {Math.Max(0, age.TotalSeconds):F0} s ago.");
    }
}
