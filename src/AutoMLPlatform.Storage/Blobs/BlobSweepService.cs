using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Storage.Blobs;

/// <summary>
/// Runs the <see cref="BlobSweep"/> every <see cref="StorageOptions.BlobSweepInterval"/> and counts what it removed on
/// the meter <see cref="MeterName"/>: <c>storage_blobs_swept_total</c> by <c>reason</c> (orphan, staging, partial), a
/// platform-wide count with no tenant label. A failed pass (the database away) is logged in one line and tried again.
/// </summary>
internal sealed partial class BlobSweepService : BackgroundService
{
    public const string MeterName = "AutoMLPlatform.Storage";

    private readonly BlobSweep _sweep;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BlobSweepService> _logger;
    private readonly Counter<long> _swept;

    public BlobSweepService(BlobSweep sweep, IOptions<StorageOptions> options, TimeProvider time, IMeterFactory meters, ILogger<BlobSweepService> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _sweep = sweep;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _swept = meters.Create(MeterName).CreateCounter<long>("storage.blobs.swept", "{file}",
            "Files the blob sweep removed: blobs no dataset or model version names, staging and temporary files.");
    }

    /// <summary>One pass now; the background loop calls this at every tick.</summary>
    public async Task<BlobSweepResult> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var result = await _sweep.RunAsync(_options.OrphanGracePeriod, cancellationToken).ConfigureAwait(false);
        _swept.Add(result.Orphans, new KeyValuePair<string, object?>("reason", "orphan"));
        _swept.Add(result.Staging, new KeyValuePair<string, object?>("reason", "staging"));
        _swept.Add(result.Partial, new KeyValuePair<string, object?>("reason", "partial"));
        if (result.Total > 0)
        {
            LogSwept(result.Orphans, result.Staging, result.Partial, result.Bytes);
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.BlobSweepInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob sweep removed {Orphans} orphan blobs, {Staging} staging and {Partial} temporary files ({Bytes} bytes)")]
    private partial void LogSwept(int orphans, int staging, int partial, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The blob sweep failed ({Error}); trying again at the next tick")]
    private partial void LogSweepFailed(string error);
}
