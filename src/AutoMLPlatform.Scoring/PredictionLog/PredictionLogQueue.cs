using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>
/// The bounded hand-over between requests and the <see cref="PredictionLogWriter"/>: a slow or absent database costs
/// predictions nothing; what does not fit is counted (<c>scoring_prediction_log_dropped_total</c>), as are the rows
/// written (<c>scoring_prediction_log_written_total</c>).
/// </summary>
internal sealed class PredictionLogQueue(IOptions<ScoringOptions> options, IMeterFactory meters)
    : CountedQueue<PendingPrediction>(options.Value.PredictionLog.QueueCapacity, meters, new CountedQueueMetrics("scoring.prediction_log", "written",
        "Predicted rows that were to be logged but were not: the queue was full or the store refused the batch.",
        "Predicted rows written to the prediction log.",
        "Logged rows waiting for the writer."));
