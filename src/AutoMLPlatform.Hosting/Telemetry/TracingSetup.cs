using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AutoMLPlatform.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry tracing, exported by OTLP, registered only when an endpoint is configured: with none, no listener is
/// attached to any activity source, so the platform's spans are never created and requests pay nothing.
/// </summary>
internal static class TracingSetup
{
    /// <summary>Every activity source of the platform: the engine's, the jobs' and scoring's.</summary>
    public const string PlatformSources = "AutoMLPlatform.*";

    private static readonly string[] StandardEndpointVariables = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];

    private static readonly PathString[] Unrecorded = ["/health", "/alive", "/metrics"];

    public static bool IsEnabled(IConfiguration configuration, TelemetryOptions options) =>
        options.OtlpEndpoint is not null || StandardEndpointVariables.Any(v => !string.IsNullOrWhiteSpace(configuration[v]));

    public static void AddTracing(IServiceCollection services, TelemetryOptions options, string serviceName)
    {
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .ConfigureResource(resource => resource.AddService(serviceName))
            .SetSampler(new ParentBasedSampler(new BackgroundPollSampler()))
            .AddSource(PlatformSources)
            .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context =>
                !Unrecorded.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            .AddOtlpExporter(otlp =>
            {
                // Without an endpoint of ours, the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
                if (options.OtlpEndpoint is { } endpoint)
                {
                    otlp.Protocol = options.OtlpProtocol;
                    otlp.Endpoint = options.OtlpProtocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/"
                        ? new Uri(endpoint, "v1/traces")
                        : endpoint;
                }
            }));
    }
}
