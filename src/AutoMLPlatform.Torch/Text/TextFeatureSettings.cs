namespace AutoMLPlatform.Torch.Text;

/// <summary>Which features a text becomes: words, word pairs and character n-grams inside words, and how many of each are kept.</summary>
public sealed record TextFeatureSettings
{
    /// <summary>1 for single words only, 2 to add adjacent word pairs.</summary>
    /// <value>Defaults to 2.</value>
    public int WordNgrams { get; init; } = 2;

    /// <summary>Shortest character n-gram (inside a word padded with a space each side); 0 turns them off.</summary>
    /// <value>Defaults to 2.</value>
    public int MinCharNgram { get; init; } = 2;

    /// <summary>Longest character n-gram.</summary>
    /// <value>Defaults to 5.</value>
    public int MaxCharNgram { get; init; } = 5;

    /// <summary>A word or pair must appear in this many training texts to be kept.</summary>
    /// <value>Defaults to 2.</value>
    public int MinWordDocuments { get; init; } = 2;

    /// <summary>A character n-gram must appear in this many training texts to be kept.</summary>
    /// <value>Defaults to 3.</value>
    public int MinCharDocuments { get; init; } = 3;

    /// <summary>Most words and pairs kept (the most frequent).</summary>
    /// <value>Defaults to 300,000.</value>
    public int MaxWordFeatures { get; init; } = 300_000;

    /// <summary>Most character n-grams kept (the most frequent).</summary>
    /// <value>Defaults to 200,000.</value>
    public int MaxCharFeatures { get; init; } = 200_000;

    public bool UsesCharNgrams => MinCharNgram > 0 && MaxCharNgram >= MinCharNgram;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WordNgrams, 1, nameof(WordNgrams));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WordNgrams, 2, nameof(WordNgrams));
        ArgumentOutOfRangeException.ThrowIfNegative(MinCharNgram, nameof(MinCharNgram));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinWordDocuments, nameof(MinWordDocuments));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinCharDocuments, nameof(MinCharDocuments));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxWordFeatures, nameof(MaxWordFeatures));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxCharFeatures, nameof(MaxCharFeatures));
    }
}
