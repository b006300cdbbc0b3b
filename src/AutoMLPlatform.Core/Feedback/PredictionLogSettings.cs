using AutoMLPlatform.Core.Common;

namespace AutoMLPlatform.Core.Feedback;

/// <summary>
/// Whether and how much of a model's traffic is logged: the share of predicted rows kept (0 is off, the default for
/// every model) and how many days a logged row is kept before the retention sweep deletes it.
/// </summary>
public sealed record PredictionLogSettings(double SampleRate, int RetentionDays)
{
    /// <summary>The longest retention accepted, ten years.</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>A model's settings until someone switches logging on: nothing logged.</summary>
    public static PredictionLogSettings Off { get; } = new(0, 30);

    public bool Enabled => SampleRate > 0;

    /// <summary>Checks the ranges, throwing an input error naming the field.</summary>
    public PredictionLogSettings Validated()
    {
        if (!(SampleRate >= 0 && SampleRate <= 1))
        {
            throw new InvalidInputException("invalid-sample-rate", "sampleRate must be between 0 (off) and 1 (every row).", "sampleRate");
        }

        return RetentionDays is < 1 or > MaxRetentionDays
            ? throw new InvalidInputException("invalid-retention", $"retentionDays must be between 1 and {MaxRetentionDays}.", "retentionDays")
            : this;
    }
}
