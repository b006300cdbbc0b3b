using AutoMLPlatform.Torch.Text;

namespace AutoMLPlatform.Torch.Tests.Text;

public class TextTokensTests
{
    [Test]
    public void Words_are_lower_cased_runs_of_letters_and_digits()
    {
        var (words, _) = Hash("Hello, WORLD! 42x isn't", new TextFeatureSettings { WordNgrams = 1, MinCharNgram = 0 });

        Assert.That(words, Is.EqualTo(new[] { "hello", "world", "42x", "isn", "t" }.Select(w => FeatureHash.Of(FeatureHash.Word, w))));
    }

    [Test]
    public void Word_pairs_follow_each_word_after_the_first()
    {
        var (words, _) = Hash("red green blue", new TextFeatureSettings { WordNgrams = 2, MinCharNgram = 0 });

        Assert.That(words, Is.EqualTo(new[]
        {
            FeatureHash.Of(FeatureHash.Word, "red"),
            FeatureHash.Of(FeatureHash.Word, "green"),
            FeatureHash.Of(FeatureHash.WordPair, "red", "green"),
            FeatureHash.Of(FeatureHash.Word, "blue"),
            FeatureHash.Of(FeatureHash.WordPair, "green", "blue"),
        }));
    }

    [Test]
    public void Character_ngrams_come_from_the_word_padded_with_spaces()
    {
        var (_, chars) = Hash("Go", new TextFeatureSettings { WordNgrams = 1, MinCharNgram = 2, MaxCharNgram = 3 });

        Assert.That(chars, Is.EqualTo(new[] { " g", "go", "o ", " go", "go " }.Select(g => FeatureHash.Of(FeatureHash.CharGram, g))));
    }

    [Test]
    public void A_word_and_a_character_ngram_with_the_same_letters_hash_apart()
    {
        Assert.That(FeatureHash.Of(FeatureHash.Word, "go"), Is.Not.EqualTo(FeatureHash.Of(FeatureHash.CharGram, "go")));
    }

    [Test]
    public void A_pair_hashes_apart_from_the_word_made_of_both()
    {
        Assert.That(FeatureHash.Of(FeatureHash.WordPair, "ab", "c"), Is.Not.EqualTo(FeatureHash.Of(FeatureHash.WordPair, "a", "bc")));
    }

    [Test]
    public void Hashes_are_FNV_1a_over_the_kind_and_the_UTF16_code_units_so_they_are_the_same_in_every_process()
    {
        Assert.That(FeatureHash.Of(FeatureHash.Word, "torch"), Is.EqualTo(13368549446803752174UL));
    }

    private static (List<ulong> Words, List<ulong> Chars) Hash(string text, TextFeatureSettings settings)
    {
        List<ulong> words = [], chars = [];
        TextTokens.Hash(text, settings, words, chars);
        return (words, chars);
    }
}
