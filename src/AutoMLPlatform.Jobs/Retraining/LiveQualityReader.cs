using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Insight.Quality;

namespace AutoMLPlatform.Jobs.Retraining;

/// <summary>
/// What the two live triggers (<see cref="PipelineQualityCheckJob"/>, <see cref="PipelineCanaryCheckJob"/>) read before
/// they decide: the pipeline and its trigger as they are now, and a version's live quality over the trigger's window
/// (the computation of <c>GET …/versions/{v}/quality</c>).
/// </summary>
public sealed class LiveQualityReader(IPipelineStore store, IPredictionLogStore log)
{
    /// <summary>The pipeline's definition and trigger; null when the pipeline was deleted or the trigger removed since the check was scheduled.</summary>
    public async Task<(PipelineDefinition Definition, TTrigger Trigger)?> FindTriggerAsync<TTrigger>(TenantId tenant, string pipeline,
        Func<PipelineSchedule, TTrigger?> trigger, CancellationToken cancellationToken)
        where TTrigger : class
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var found = await store.FindAsync(tenant, pipeline, cancellationToken).ConfigureAwait(false);
        return found is not null && trigger(found.Definition.Schedule) is { } rule ? (found.Definition, rule) : null;
    }

    /// <summary>The version's live quality over its logged predictions of the <paramref name="window"/> before <paramref name="now"/> that have feedback.</summary>
    public async Task<QualityWindow> ReadAsync(TenantId tenant, ModelVersion version, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var from = now - window;
        var rows = await log.ReadAsync(tenant, version.ModelName, version.Version, from, now, cancellationToken).ConfigureAwait(false);
        return QualityCalculator.Compute(version, rows, from, now);
    }

    /// <summary>The window's value of <paramref name="metric"/> when at least <paramref name="minLabelled"/> of its predictions have feedback; otherwise null.</summary>
    public static double? Score(QualityWindow quality, string metric, int minLabelled)
    {
        ArgumentNullException.ThrowIfNull(quality);
        return quality.Labelled >= minLabelled && quality.Metrics.TryGetValue(metric, out var value) ? value : null;
    }
}
