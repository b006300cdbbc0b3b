using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace AutoMLPlatform.Hosting.Telemetry;

/// <summary>
/// Traces and gauges of a host. Bound from <c>AutoMLPlatform:Telemetry</c>. Tracing is off unless an OTLP endpoint is
/// configured, here or by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>…_TRACES_ENDPOINT</c>) variable.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "AutoMLPlatform:Telemetry";

    /// <summary>The OpenTelemetry collector that receives traces, e.g. <c>http://collector:4317</c>.</summary>
    /// <value>Defaults to none: no tracing, unless the standard OTEL variables name an endpoint.</value>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How traces are sent to <see cref="OtlpEndpoint"/>: gRPC (port 4317) or HTTP with protobuf (port 4318, <c>/v1/traces</c>).</summary>
    /// <value>Defaults to gRPC, as the OTLP exporter does.</value>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>How often the job gauges (queued, running, failed in the last hour) are read from the store.</summary>
    /// <value>Defaults to 15 seconds, a usual scrape interval.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan JobGaugeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
