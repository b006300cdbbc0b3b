using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Storage.Health;

/// <summary>
/// Readiness of the data directory, where uploads, models and (embedded) the database live: a file can be created,
/// written, flushed and deleted there, and the file system has more than <see cref="StorageOptions.MinimumFreeSpaceMegabytes"/>
/// free, so uploads and training are not accepted only to fail half-way for want of space.
/// </summary>
internal sealed class DataDirectoryHealthCheck(IOptions<StorageOptions> options) : IHealthCheck
{
    public const string Name = "data-directory";

    private const long Megabyte = 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var directory = options.Value.FullDataDirectory;
        var probe = Path.Combine(directory, $".ready-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                await file.WriteAsync(new byte[] { 1 }, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The data directory is not writable.", ex);
        }
        finally
        {
            if (File.Exists(probe))
            {
                File.Delete(probe);
            }
        }

        var freeMegabytes = new DriveInfo(directory).AvailableFreeSpace / Megabyte;
        var minimum = options.Value.MinimumFreeSpaceMegabytes;
        return freeMegabytes < minimum
            ? HealthCheckResult.Unhealthy($"The data directory has {freeMegabytes} MB free, below the minimum of {minimum} MB.")
            : HealthCheckResult.Healthy($"The data directory is writable with {freeMegabytes} MB free.");
    }
}
