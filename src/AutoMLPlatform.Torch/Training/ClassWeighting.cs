namespace AutoMLPlatform.Torch.Training;

/// <summary>How the loss weighs classes of different sizes.</summary>
public enum ClassWeighting
{
    /// <summary>
    /// <see cref="SquareRootBalanced"/> when the largest class has at least <see cref="ClassWeights.ImbalanceRatio"/>
    /// times the rows of the smallest, else <see cref="None"/>: on mildly skewed sets weighting cost accuracy in our
    /// measurements, on strongly skewed ones the rare classes would otherwise be ignored.
    /// </summary>
    Auto,

    /// <summary>Every row counts the same.</summary>
    None,

    /// <summary>Class c weighs N / (K n_c): every class counts the same in total.</summary>
    Balanced,

    /// <summary>The square root of <see cref="Balanced"/>: rare classes count more without trading much accuracy away.</summary>
    SquareRootBalanced,
}
