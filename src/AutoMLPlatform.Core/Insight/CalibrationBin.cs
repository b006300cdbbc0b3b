namespace AutoMLPlatform.Core.Insight;

/// <summary>Rows whose predicted probability fell in [<paramref name="Lower"/>, <paramref name="Upper"/>): their mean probability and how often the event happened.</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
