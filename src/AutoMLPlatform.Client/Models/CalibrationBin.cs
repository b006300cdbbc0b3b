namespace AutoMLPlatform.Client.Models;

/// <summary>A bin of predicted probability with the rate at which the class was actually observed.</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
