using System.Diagnostics;

namespace AutoMLPlatform.AutoML.Runtime;

/// <summary>
/// The engine's activity source (<see cref="SourceName"/>): spans for featurizing, warming up, each trial and the final
/// refit. The engine only creates spans; whether they are recorded and where they go is the host's business. With no
/// listener, starting a span returns null and costs nothing more. A static source holds no state of ours.
/// </summary>
public static class EngineTracing
{
    /// <summary>The name a host subscribes to (it matches <c>AutoMLPlatform.*</c>).</summary>
    public const string SourceName = "AutoMLPlatform.AutoML";

    internal static readonly ActivitySource Source = new(SourceName);
}
