using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Shadow;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// The request path's only contact with the prediction log: once per request <see cref="Start"/> asks whether the
/// model logs (and whether its alias has a shadow), then per predicted row <see cref="RowLog.Log"/> samples, copies
/// and enqueues it without waiting, and hands a copy of its inputs to the shadow queue.
/// </summary>
internal sealed class PredictionLogRecorder(PredictionLogSwitchboard switchboard, PredictionLogQueue queue, ShadowQueue shadows, TimeProvider time)
{
    /// <summary>A request's logging: its leased version logs as its model's settings say, and the alias's shadow (if any) scores every row.</summary>
    public RowLog Start(TenantId tenant, ScoringModelLease lease)
    {
        var (model, shadow) = (lease.Model, lease.Shadow);
        var settings = switchboard.Find(tenant, model.Version.ModelName);
        return settings is null && shadow is null ? default : new RowLog(this, settings?.SampleRate, tenant, model, shadow);
    }

    internal PredictionId? Log(double sampleRate, TenantId tenant, ScoringModel model, ScoringSession session)
    {
        if (sampleRate < 1 && Random.Shared.NextDouble() >= sampleRate)
        {
            return null;
        }

        var row = PendingPrediction.Copy(tenant, model, session, time.GetUtcNow());
        return queue.TryEnqueue(row) ? row.Id : null;
    }

    internal void Shadow(TenantId tenant, ScoringModel shadow, ScoringSession session, PredictionId? answered) =>
        shadows.TryEnqueue(ShadowRow.Copy(tenant, shadow, session.Row, answered, time.GetUtcNow()));

    /// <summary>One request's logging: inert (no recorder) when the model does not log and its alias has no shadow.</summary>
    internal readonly struct RowLog(PredictionLogRecorder? recorder, double? sampleRate, TenantId tenant, ScoringModel model, ScoringModel? shadow)
    {
        /// <summary>True when the model logs (some rows of this request may be sampled).</summary>
        public bool Logs => sampleRate is not null;

        /// <summary>
        /// Logs the row <paramref name="session"/> just predicted and queues it for the shadow version; the row's id, or
        /// null when it was not logged.
        /// </summary>
        public PredictionId? Log(ScoringSession session)
        {
            if (recorder is null)
            {
                return null;
            }

            var id = sampleRate is { } rate ? recorder.Log(rate, tenant, model, session) : null;
            if (shadow is not null)
            {
                recorder.Shadow(tenant, shadow, session, id);
            }

            return id;
        }
    }
}
