namespace AutoMLPlatform.Torch.Training;

/// <summary>Which validation score picks the best epoch (and drives early stopping).</summary>
public enum EpochSelection
{
    /// <summary>Highest accuracy; ties go to the lower log loss.</summary>
    Accuracy,

    /// <summary>Lowest log loss: smoother than accuracy on small validation sets, so it stops overfitting models sooner.</summary>
    LogLoss,
}
