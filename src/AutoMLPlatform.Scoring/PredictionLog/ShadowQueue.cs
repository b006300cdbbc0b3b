using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// The bounded hand-over between requests and the <see cref="Shadow.ShadowScorer"/>: a shadow version costs the answer
/// only the copy of its row; what does not fit is counted (<c>scoring_shadow_dropped_total</c>), as are the rows scored
/// (<c>scoring_shadow_scored_total</c>).
/// </summary>
internal sealed class ShadowQueue(IOptions<ScoringOptions> options, IMeterFactory meters)
    : CountedQueue<ShadowRow>(options.Value.PredictionLog.ShadowQueueCapacity, meters, new CountedQueueMetrics("scoring.shadow", "scored",
        "Rows a shadow version was to score but did not: its queue was full, or the version was retired first.",
        "Rows shadow versions scored (their outputs go to the prediction log).",
        "Rows waiting for their shadow version."));
