namespace AutoMLPlatform.Torch.Text;

/// <summary>
/// The features learned from the training texts, by hash, with their inverse document frequency. Ids below
/// <see cref="WordFeatures"/> are words and word pairs, the rest character n-grams. A text becomes a sparse vector:
/// sublinear term frequency (1 + ln tf) times idf, L2-normalised within each of the two groups, so neither
/// group drowns the other (the weighting of a TF-IDF model, which the network then learns on top of).
/// Unknown features are dropped, so any text can be featurised.
/// </summary>
internal sealed class TextVocabulary
{
    private readonly Dictionary<ulong, int> _ids;

    public TextVocabulary(TextFeatureSettings settings, ulong[] hashes, float[] idf, int wordFeatures)
    {
        Settings = settings;
        Hashes = hashes;
        Idf = idf;
        WordFeatures = wordFeatures;
        _ids = new Dictionary<ulong, int>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            _ids[hashes[i]] = i;
        }
    }

    public TextFeatureSettings Settings { get; }

    public ulong[] Hashes { get; }

    public float[] Idf { get; }

    public int WordFeatures { get; }

    public int Count => Hashes.Length;

    public static TextVocabulary Build(IReadOnlyList<string> texts, TextFeatureSettings settings, CancellationToken cancellationToken)
    {
        var wordDocuments = new Dictionary<ulong, int>();
        var charDocuments = new Dictionary<ulong, int>();
        List<ulong> words = [], chars = [];
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TextTokens.Hash(text, settings, words, chars);
            CountDocuments(words, wordDocuments);
            CountDocuments(chars, charDocuments);
        }

        var keptWords = Keep(wordDocuments, settings.MinWordDocuments, settings.MaxWordFeatures);
        var keptChars = Keep(charDocuments, settings.MinCharDocuments, settings.MaxCharFeatures);
        var hashes = keptWords.Concat(keptChars).Select(kv => kv.Key).ToArray();
        var idf = keptWords.Concat(keptChars).Select(kv => (float)(Math.Log((1.0 + texts.Count) / (1.0 + kv.Value)) + 1)).ToArray();
        return new TextVocabulary(settings, hashes, idf, keptWords.Length);
    }

    /// <summary>The feature ids of a text and their weights, ids ascending.</summary>
    public (int[] Ids, float[] Weights) Featurize(string text)
    {
        List<ulong> words = [], chars = [];
        TextTokens.Hash(text, Settings, words, chars);
        var ids = new List<int>(words.Count + chars.Count);
        foreach (var hash in words.Concat(chars))
        {
            if (_ids.TryGetValue(hash, out var id))
            {
                ids.Add(id);
            }
        }

        ids.Sort();
        var (distinct, weights) = (new List<int>(), new List<float>());
        for (var i = 0; i < ids.Count;)
        {
            var j = i;
            while (j < ids.Count && ids[j] == ids[i])
            {
                j++;
            }

            distinct.Add(ids[i]);
            weights.Add((float)(1 + Math.Log(j - i)) * Idf[ids[i]]);
            i = j;
        }

        var result = weights.ToArray();
        var split = distinct.BinarySearch(WordFeatures);
        split = split < 0 ? ~split : split;
        Normalize(result.AsSpan(0, split));
        Normalize(result.AsSpan(split));
        return (distinct.ToArray(), result);
    }

    private static void CountDocuments(List<ulong> hashes, Dictionary<ulong, int> documents)
    {
        foreach (var hash in new HashSet<ulong>(hashes))
        {
            documents[hash] = documents.GetValueOrDefault(hash) + 1;
        }
    }

    private static KeyValuePair<ulong, int>[] Keep(Dictionary<ulong, int> documents, int minDocuments, int max) =>
        documents.Where(kv => kv.Value >= minDocuments)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Take(max)
            .ToArray();

    private static void Normalize(Span<float> values)
    {
        double squares = 0;
        foreach (var v in values)
        {
            squares += v * v;
        }

        if (squares > 0)
        {
            var scale = (float)(1 / Math.Sqrt(squares));
            foreach (ref var v in values)
            {
                v *= scale;
            }
        }
    }
}
