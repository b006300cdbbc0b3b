namespace AutoMLPlatform.Torch.Training;

/// <summary>What every Torch trainer shares: batches, epochs, learning rate, early stopping and limits.</summary>
public abstract class TorchTrainingOptions
{
    public const int DefaultBatchSize = 64;
    public const int DefaultMaxEpochs = 30;
    public const int DefaultPatience = 4;
    public const double DefaultValidationFraction = 0.1;

    /// <summary>Rows per optimisation step.</summary>
    /// <value>Defaults to 64.</value>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Most passes over the training rows.</summary>
    /// <value>Defaults to 30.</value>
    public int MaxEpochs { get; set; } = DefaultMaxEpochs;

    /// <summary>Peak learning rate of Adam; it decays along a cosine over the planned epochs.</summary>
    public double LearningRate { get; set; }

    /// <summary>Decoupled weight decay (AdamW); 0 for plain Adam.</summary>
    /// <value>Defaults to 0.</value>
    public double WeightDecay { get; set; }

    /// <summary>Stop after this many epochs without a better validation score.</summary>
    /// <value>Defaults to 4.</value>
    public int Patience { get; set; } = DefaultPatience;

    /// <summary>Which validation score picks the epoch whose weights are kept.</summary>
    /// <value>Defaults to <see cref="EpochSelection.Accuracy"/>.</value>
    public EpochSelection SelectBy { get; set; } = EpochSelection.Accuracy;

    /// <summary>Share of the rows held out (stratified) to pick the best epoch.</summary>
    /// <value>Defaults to 0.1.</value>
    public double ValidationFraction { get; set; } = DefaultValidationFraction;

    /// <summary>Wall time training may take, checked after every batch; null for no limit.</summary>
    /// <value>Defaults to null.</value>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>How classes are weighted in the loss.</summary>
    /// <value>Defaults to <see cref="ClassWeighting.Auto"/>.</value>
    public ClassWeighting ClassWeighting { get; set; } = ClassWeighting.Auto;

    /// <summary>Seeds the split, the shuffles, augmentation and the initial weights.</summary>
    /// <value>Defaults to 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a setting out of range.</summary>
    public virtual void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEpochs, nameof(MaxEpochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience, nameof(Patience));
        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be a positive number.");
        }

        if (!(WeightDecay >= 0 && double.IsFinite(WeightDecay)))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Weight decay cannot be negative.");
        }

        if (!(ValidationFraction > 0 && ValidationFraction < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "The validation fraction lies between 0 and 0.5.");
        }

        if (TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLimit), limit, "The time limit must be positive.");
        }
    }
}
