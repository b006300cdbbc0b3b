using AutoMLPlatform.Hosting.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AutoMLPlatform.Hosting.Telemetry;

/// <summary>What a person running the platform watches, for every host: traces when configured, JSON log defaults, the job gauges.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the JSON log defaults (<see cref="LoggingDefaults"/>), the job gauges (meter <see cref="JobGauges.MeterName"/>; the host exports its meters at <c>/metrics</c>)
    /// and, when an OTLP endpoint is configured (<see cref="TelemetryOptions"/>), tracing of requests, outgoing HTTP
    /// calls, PostgreSQL commands and the platform's own spans. Needs the stores registered.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration, read now: whether to trace is decided at start-up.</param>
    /// <param name="serviceName">The <c>service.name</c> of this process's spans, e.g. <c>automlplatform-worker</c>.</param>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        LoggingDefaults.Apply(services, configuration);
        services.AddSingleton<JobGauges>();
        services.AddHostedService(provider => provider.GetRequiredService<JobGauges>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(JobGauges.MeterName));

        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (TracingSetup.IsEnabled(configuration, options))
        {
            TracingSetup.AddTracing(services, options, serviceName);
        }

        return services;
    }
}
