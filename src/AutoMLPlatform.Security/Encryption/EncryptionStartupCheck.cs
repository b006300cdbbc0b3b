using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Security.Encryption;

/// <summary>
/// Opens every stored data key with the configured master key before the host serves anything: a wrong master key
/// stops start-up with a message saying so, instead of failing later on some tenant's first read.
/// </summary>
internal sealed partial class EncryptionStartupCheck(TenantKeyRing keys, ILogger<EncryptionStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await keys.VerifyAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidMasterKeyException ex)
        {
            LogWrongMasterKey(ex, keys.Master.Id);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "The configured master key ({MasterKeyId}) does not open the stored data keys; refusing to start")]
    private partial void LogWrongMasterKey(Exception exception, string masterKeyId);
}
