namespace AutoMLPlatform.Core.Modeling;

/// <summary>A quality measure of a model. <see cref="Metrics"/> says which tasks each applies to and its direction.</summary>
public enum MetricKind
{
    Auc,
    Accuracy,
    F1,
    LogLoss,
    MacroF1,
    Rmse,
    Mae,
    R2,
}
