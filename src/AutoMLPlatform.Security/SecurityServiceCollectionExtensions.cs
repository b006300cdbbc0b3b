using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Encryption;
using AutoMLPlatform.Security.Keys;
using AutoMLPlatform.Security.Masking;
using AutoMLPlatform.Security.Quotas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Security;

/// <summary>Registers keys, encryption and their start-up checks. Call after the stores are registered (they migrate first).</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="dataDirectory">Resolves the platform's data directory (for the default key files).</param>
    /// <param name="bootstrap">True in processes that may create the first key (the API roles), false in pure workers.</param>
    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services, Func<IServiceProvider, string> dataDirectory, bool bootstrap = true)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SecurityPaths(dataDirectory(sp)));
        services.AddSingleton(sp => MasterKeySource.Load(sp.GetRequiredService<IOptions<SecurityOptions>>().Value, sp.GetRequiredService<SecurityPaths>().DataDirectory));
        services.AddSingleton<TenantKeyRing>();
        services.AddSingleton<IBlobCipher, AesGcmBlobCipher>();
        services.AddSingleton<ApiKeyValidator>();
        services.AddSingleton<TenantQuotas>();
        services.AddSingleton<ITenantLimits>(sp => sp.GetRequiredService<TenantQuotas>());
        services.AddSingleton<ISensitiveValueDetector, EmailDetector>();
        services.AddSingleton<ISensitiveValueDetector, PhoneDetector>();
        services.AddSingleton<ISensitiveValueDetector, PaymentCardDetector>();
        services.AddSingleton<ISensitiveValueDetector, IbanDetector>();
        services.AddSingleton<IKeyedHasherSource, TenantKeyedHashers>();
        if (bootstrap)
        {
            services.AddHostedService<KeyBootstrapper>();
        }

        services.AddHostedService<EncryptionStartupCheck>();
        services.AddHostedService<TenantKeySweep>();
        return services;
    }
}
