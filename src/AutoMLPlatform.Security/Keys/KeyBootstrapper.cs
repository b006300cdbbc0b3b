using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security.Keys;

/// <summary>
/// First start, the same on every machine: the system tenant is made (it owns what was stored before tenants existed),
/// and if no API key exists, an admin key is made from <c>AUTOMLPLATFORM_BOOTSTRAP_KEY</c> when it is set, otherwise
/// a random one written to <c>{data directory}/secrets/bootstrap.key</c> (mode 0600). The log names the file, never the key.
/// </summary>
internal sealed partial class KeyBootstrapper(ITenantStore tenants, IApiKeyStore keys, TimeProvider time, SecurityPaths paths,
    IOptions<SecurityOptions> options, ILogger<KeyBootstrapper> logger) : IHostedService
{
    public const string SystemTenantName = "system";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Idempotent, so processes starting together end with one system tenant and one bootstrap key.
        await tenants.TryCreateAsync(new Tenant(TenantId.Default, SystemTenantName, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

        if (await keys.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow();
        if ((options.Value.BootstrapKey ?? Environment.GetEnvironmentVariable(SecurityOptions.BootstrapKeyVariable)) is { Length: > 0 } given)
        {
            if (!ApiKeyFactory.IsWellFormed(given))
            {
                throw new InvalidOperationException(
                    $"{SecurityOptions.BootstrapKeyVariable} must be {ApiKeyFactory.MinLength}-{ApiKeyFactory.MaxLength} printable ASCII characters without spaces.");
            }

            await keys.TryCreateAsync(ApiKeyFactory.FromKey(given, TenantId.Default, "bootstrap", ApiScopes.Admin, now, null), cancellationToken).ConfigureAwait(false);
            LogBootstrapFromEnvironment(SecurityOptions.BootstrapKeyVariable);
            return;
        }

        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "bootstrap", ApiScopes.Admin, now, null);
        SecretFile.Write(paths.BootstrapKeyFile, key + "\n");
        await keys.TryCreateAsync(stored, cancellationToken).ConfigureAwait(false);
        LogBootstrapWritten(paths.BootstrapKeyFile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "No API key existed: created the system admin key from {Variable}")]
    private partial void LogBootstrapFromEnvironment(string variable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key existed: created a system admin key and wrote it to {Path} (readable by this user only)")]
    private partial void LogBootstrapWritten(string path);
}
