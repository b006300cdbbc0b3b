using System.Diagnostics;
using OpenTelemetry.Trace;

namespace AutoMLPlatform.Hosting.Telemetry;

/// <summary>
/// The root sampler: a trace that starts with a request or a job is kept; one that would start with an outgoing call
/// (a database query or HTTP call with no request or job around it) is dropped. Those are background polls — Hangfire's
/// queue, the registry watcher, the gauges — one a second per process, which would bury the traces a person looks for.
/// </summary>
internal sealed class BackgroundPollSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Keep;
}
