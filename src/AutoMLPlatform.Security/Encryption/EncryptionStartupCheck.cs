using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Opens every stored data key with the configured master key before the host serves anything: a wrong master key
/// stops start-up with a message saying so, instead of failing later on some tenant's first read. During a rotation
/// (a previous master key configured) the data keys still wrapped by the previous key are re-wrapped first.
/// </summary>
internal sealed partial class EncryptionStartupCheck(TenantKeyRing keys, ITenantStore tenants, IOptions<SecurityOptions> options,
    ILogger<EncryptionStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (MasterKeySource.LoadPrevious(options.Value) is { } previous && previous.Id != keys.Master.Id)
            {
                var rewrapped = await TenantKeyRing.RewrapAllAsync(tenants, previous, keys.Master, cancellationToken).ConfigureAwait(false);
                LogRotated(rewrapped, previous.Id, keys.Master.Id);
            }

            await keys.VerifyAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidMasterKeyException ex)
        {
            LogWrongMasterKey(ex, keys.Master.Id);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Master key rotation: re-wrapped {Count} data keys from {PreviousId} to {CurrentId}; remove the previous key from the configuration")]
    private partial void LogRotated(int count, string previousId, string currentId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The configured master key ({MasterKeyId}) does not open the stored data keys; refusing to start")]
    private partial void LogWrongMasterKey(Exception exception, string masterKeyId);
}
