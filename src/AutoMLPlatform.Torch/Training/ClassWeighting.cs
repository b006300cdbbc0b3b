namespace AutoMLPlatform.Torch.Training;

/// <summary>How the loss weighs classes of different sizes.</summary>
public enum ClassWeighting
{
    /// <summary>Every row counts the same.</summary>
    None,

    /// <summary>Class c weighs N / (K n_c): every class counts the same in total.</summary>
    Balanced,

    /// <summary>The square root of <see cref="Balanced"/>: rare classes count more without trading much accuracy away.</summary>
    SquareRootBalanced,
}
