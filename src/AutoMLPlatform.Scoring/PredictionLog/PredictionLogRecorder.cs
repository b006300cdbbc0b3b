using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// The request path's only contact with the prediction log: once per request <see cref="Start"/> asks whether the
/// model logs, then per predicted row <see cref="RowLog.Log"/> samples, copies and enqueues it without waiting.
/// </summary>
internal sealed class PredictionLogRecorder(PredictionLogSwitchboard switchboard, PredictionLogQueue queue, TimeProvider time)
{
    public RowLog Start(TenantId tenant, ScoringModel model)
    {
        var settings = switchboard.Find(tenant, model.Version.ModelName);
        return settings is null ? default : new RowLog(this, settings.SampleRate, tenant, model);
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

    /// <summary>One request's logging: inert (no recorder) when the model does not log.</summary>
    internal readonly struct RowLog(PredictionLogRecorder? recorder, double sampleRate, TenantId tenant, ScoringModel model)
    {
        /// <summary>True when the model logs (some rows of this request may be sampled).</summary>
        public bool Logs => recorder is not null;

        /// <summary>Logs the row <paramref name="session"/> just predicted; its id, or null when it was not logged.</summary>
        public PredictionId? Log(ScoringSession session) => recorder?.Log(sampleRate, tenant, model, session);
    }
}
