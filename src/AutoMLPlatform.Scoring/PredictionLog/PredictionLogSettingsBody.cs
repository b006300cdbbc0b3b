using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Scoring.PredictionLog;

/// <summary>The wire form of <see cref="PredictionLogSettings"/>; both fields are required on PUT.</summary>
public sealed record PredictionLogSettingsBody(double? SampleRate, int? RetentionDays)
{
    internal static PredictionLogSettingsBody From(PredictionLogSettings settings) => new(settings.SampleRate, settings.RetentionDays);

    internal PredictionLogSettings ToSettings() => new PredictionLogSettings(
        SampleRate ?? throw new InvalidInputException("missing-sample-rate", "sampleRate is required: 0 (off) to 1 (every row).", "sampleRate"),
        RetentionDays ?? throw new InvalidInputException("missing-retention", "retentionDays is required.", "retentionDays")).Validated();
}
