using System.Collections.Concurrent;
using System.Net;
using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace AutoMLPlatform.Hosting.Authentication;

/// <summary>
/// Slows clients that keep presenting wrong keys, without slowing anyone else: per client address, the first
/// <see cref="FreeFailures"/> failures in a minute answer at once, later ones wait longer and longer (up to two
/// seconds), and the <see cref="BurstSize"/>th is written to the audit trail once per window.
/// </summary>
public sealed class FailedKeyLimiter(TimeProvider time, IAuditLog audit)
{
    public const int FreeFailures = 5;
    public const int BurstSize = 20;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<IPAddress, Counter> _clients = new();

    public async Task RecordFailureAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var now = time.GetUtcNow();
        if (_clients.Count > MaxTrackedClients)
        {
            foreach (var (key, stale) in _clients.Where(c => now - c.Value.Started > Window).ToArray())
            {
                _clients.TryRemove(new KeyValuePair<IPAddress, Counter>(key, stale));
            }
        }

        var counter = _clients.AddOrUpdate(address, _ => new Counter(now, 1), (_, c) => now - c.Started > Window ? new Counter(now, 1) : c with { Failures = c.Failures + 1 });
        if (counter.Failures == BurstSize)
        {
            await audit.AppendAsync(new AuditRecord(now, TenantId.Default, null, "auth.failure-burst", $"client/{address}", "denied"), cancellationToken).ConfigureAwait(false);
        }

        if (counter.Failures > FreeFailures)
        {
            var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, 100 * (counter.Failures - FreeFailures)));
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Counter(DateTimeOffset Started, int Failures);
}
