using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Hosting.Telemetry;

/// <summary>
/// The platform's job gauges (meter <see cref="MeterName"/>), in every role's <c>/metrics</c>: <c>jobs_queued</c>,
/// <c>jobs_running</c> and <c>jobs_failed_last_hour</c>. Platform-wide counts with no tenant label, so they say nothing
/// about any one tenant. The store is read every <see cref="TelemetryOptions.JobGaugeInterval"/> in the background,
/// because a scrape's gauge callback is synchronous and must not wait on the database; until the first read, and
/// while the store does not answer, the gauges report nothing rather than a zero that would look true.
/// </summary>
internal sealed partial class JobGauges : BackgroundService
{
    public const string MeterName = "AutoMLPlatform.Jobs";

    /// <summary>The window of <c>jobs_failed_last_hour</c>.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    private readonly IJobStore _jobs;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<JobGauges> _logger;
    private volatile JobCounts? _latest;

    public JobGauges(IMeterFactory meters, IJobStore jobs, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<JobGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _jobs = jobs;
        _time = time;
        _interval = options.Value.JobGaugeInterval;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("jobs.queued", () => Observe(c => c.Queued), "{job}", "Jobs waiting for a worker, over all tenants.");
        meter.CreateObservableGauge("jobs.running", () => Observe(c => c.Running), "{job}", "Jobs a worker is running, over all tenants.");
        meter.CreateObservableGauge("jobs.failed.last_hour", () => Observe(c => c.RecentlyFailed), "{job}",
            "Jobs that failed in the last hour, over all tenants.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _latest = await _jobs.CountAsync(_time.GetUtcNow() - FailureWindow, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever the store throws (a refused connection, a timeout), the gauges go blank and the next round
                // tries again: a metric must never take the process down; readiness reports the store itself.
                _latest = null;
                LogCountFailed(ex);
            }

            await Task.Delay(_interval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private IEnumerable<Measurement<long>> Observe(Func<JobCounts, long> count) =>
        _latest is { } latest ? [new Measurement<long>(count(latest))] : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job gauges could not be read from the store")]
    private partial void LogCountFailed(Exception exception);
}
