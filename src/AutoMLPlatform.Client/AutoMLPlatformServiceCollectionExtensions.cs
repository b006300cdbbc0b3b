using AutoMLPlatform.Client.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Client;

/// <summary>Registers <see cref="AutoMLPlatformClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class AutoMLPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AutoMLPlatformClient"/> as a typed HTTP client configured by <paramref name="configure"/>, with
    /// the retry of 429 and 503 answers (honouring <c>Retry-After</c>) as its resilience handler. The builder returned
    /// can add handlers or replace the primary one.
    /// </summary>
    public static IHttpClientBuilder AddAutoMLPlatformClient(this IServiceCollection services, Action<AutoMLPlatformClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AutoMLPlatformClientOptions>()
            .Configure(configure)
            .Validate(Valid, "The AutoMLPlatform client's options are not valid; call AutoMLPlatformClientOptions.Validate for the details.");
        var builder = services.AddHttpClient(nameof(AutoMLPlatformClient));
        builder.AddTypedClient((http, provider) => new AutoMLPlatformClient(http, provider.GetRequiredService<IOptions<AutoMLPlatformClientOptions>>().Value));
        builder.ConfigureHttpClient((provider, http) => AutoMLPlatformClient.Configure(http, provider.GetRequiredService<IOptions<AutoMLPlatformClientOptions>>().Value));
        builder.AddResilienceHandler("automlplatform-retry", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AutoMLPlatformClientOptions>>().Value;
            pipeline.TimeProvider = options.TimeProvider;
            RetryStrategy.AddTo(pipeline, options, context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<AutoMLPlatformClient>());
        });
        return builder;
    }

    private static bool Valid(AutoMLPlatformClientOptions options)
    {
        try
        {
            options.Validate();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
