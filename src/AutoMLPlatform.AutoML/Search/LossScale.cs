using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// How far a loss is from perfect, in the optimised metric's own units: scores where higher is better (AUC,
/// accuracy, F1, R²) end at 1 and their loss is −score, so the shortfall is 1 − score; for errors (RMSE, MAE, log
/// loss) the loss is the shortfall. The trainer selector compares trainers by how much worse their shortfall is.
/// </summary>
internal readonly record struct LossScale(string MetricName, bool HigherIsBetter)
{
    public static LossScale For(MetricKind metric) => new(Metrics.NameOf(metric), Metrics.HigherIsBetter(metric));

    public double Shortfall(double loss) => HigherIsBetter ? 1 + loss : loss;
}
