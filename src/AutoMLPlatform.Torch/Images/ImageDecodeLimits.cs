namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Bounds on decoding images for prediction: the largest picture accepted (read from its header before any pixel is
/// decoded) and the pixels every decode of the process may hold at once (<see cref="ImageDecodeBudget"/>).
/// </summary>
public sealed record ImageDecodeLimits
{
    /// <summary>The default of <see cref="MaxPixels"/>: 40 million, as for images in uploaded zips.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>The default of <see cref="BudgetPixels"/>: two of the largest images at once.</summary>
    public const long DefaultBudgetPixels = 2 * DefaultMaxPixels;

    /// <summary>The default of <see cref="Wait"/>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>Largest image, in pixels (width times height).</summary>
    /// <value>Defaults to <see cref="DefaultMaxPixels"/>.</value>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Pixels all decodes sharing one <see cref="ImageDecodeBudget"/> may hold at once; at least <see cref="MaxPixels"/>.</summary>
    /// <value>Defaults to <see cref="DefaultBudgetPixels"/>.</value>
    public long BudgetPixels { get; init; } = DefaultBudgetPixels;

    /// <summary>How long a decode waits for room in the budget before it is refused as busy.</summary>
    /// <value>Defaults to <see cref="DefaultWait"/> (10 seconds).</value>
    public TimeSpan Wait { get; init; } = DefaultWait;

    /// <summary>The defaults.</summary>
    public static ImageDecodeLimits Default { get; } = new();
}
