namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// Tokenization: the text is lower-cased (invariant culture), words are runs of letters and digits, and each word
/// gives its hash, the hash of the pair it forms with the next word, and the hashes of the character n-grams of the
/// word padded with a space on each side (so " go" and "go " differ from "go" inside "ago").
/// </summary>
internal static class TextTokens
{
    /// <summary>Feature hashes of a text, words (and pairs) apart from character n-grams; repeats are kept (they are counts).</summary>
    public static void Hash(string text, TextFeatureSettings settings, List<ulong> words, List<ulong> chars)
    {
        words.Clear();
        chars.Clear();
        var lowered = text.ToLowerInvariant();
        var previous = Range.StartAt(0);
        var hasPrevious = false;
        Span<char> padded = stackalloc char[66];
        var i = 0;
        while (i < lowered.Length)
        {
            if (!char.IsLetterOrDigit(lowered[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < lowered.Length && char.IsLetterOrDigit(lowered[i]))
            {
                i++;
            }

            var word = lowered.AsSpan(start, i - start);
            words.Add(FeatureHash.Of(FeatureHash.Word, word));
            if (settings.WordNgrams > 1 && hasPrevious)
            {
                words.Add(FeatureHash.Of(FeatureHash.WordPair, lowered.AsSpan(previous), word));
            }

            if (settings.UsesCharNgrams && word.Length <= padded.Length - 2)
            {
                padded[0] = ' ';
                word.CopyTo(padded[1..]);
                padded[word.Length + 1] = ' ';
                AddCharGrams(padded[..(word.Length + 2)], settings, chars);
            }

            previous = start..i;
            hasPrevious = true;
        }
    }

    private static void AddCharGrams(ReadOnlySpan<char> padded, TextFeatureSettings settings, List<ulong> chars)
    {
        for (var n = settings.MinCharNgram; n <= Math.Min(settings.MaxCharNgram, padded.Length); n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                chars.Add(FeatureHash.Of(FeatureHash.CharGram, padded.Slice(start, n)));
            }
        }
    }
}
