using AutoMLPlatform.Torch.Text;

namespace AutoMLPlatform.Torch.Tests.Text;

public class TextVocabularyTests
{
    private static readonly TextFeatureSettings WordsOnly = new() { WordNgrams = 1, MinCharNgram = 0, MinWordDocuments = 2 };

    [Test]
    public void Only_words_seen_in_enough_texts_are_kept()
    {
        var vocabulary = TextVocabulary.Build(["apple pear", "apple plum", "apple pear fig"], WordsOnly, CancellationToken.None);

        Assert.That(vocabulary.Hashes, Is.EquivalentTo(new[] { "apple", "pear" }.Select(w => FeatureHash.Of(FeatureHash.Word, w))));
    }

    [Test]
    public void The_most_frequent_features_are_kept_when_there_are_too_many()
    {
        var vocabulary = TextVocabulary.Build(["apple pear", "apple plum", "apple pear plum", "apple"], WordsOnly with { MaxWordFeatures = 1 }, CancellationToken.None);

        Assert.That(vocabulary.Hashes, Is.EqualTo(new[] { FeatureHash.Of(FeatureHash.Word, "apple") }));
    }

    [Test]
    public void A_rarer_word_weighs_more_and_the_vector_has_unit_length()
    {
        var vocabulary = TextVocabulary.Build(["apple pear", "apple plum", "apple pear", "apple plum"], WordsOnly, CancellationToken.None);

        var (ids, weights) = vocabulary.Featurize("apple pear");

        var byWord = ids.Zip(weights).ToDictionary(x => vocabulary.Hashes[x.First], x => x.Second);
        Assert.Multiple(() =>
        {
            Assert.That(byWord[FeatureHash.Of(FeatureHash.Word, "pear")], Is.GreaterThan(byWord[FeatureHash.Of(FeatureHash.Word, "apple")]));
            Assert.That(weights.Sum(w => w * w), Is.EqualTo(1).Within(1e-5));
        });
    }

    [Test]
    public void Repeats_count_sublinearly()
    {
        var vocabulary = TextVocabulary.Build(["apple pear", "apple pear"], WordsOnly, CancellationToken.None);

        var (ids, weights) = vocabulary.Featurize("apple apple apple pear");

        var byWord = ids.Zip(weights).ToDictionary(x => vocabulary.Hashes[x.First], x => x.Second);
        Assert.That(byWord[FeatureHash.Of(FeatureHash.Word, "apple")] / byWord[FeatureHash.Of(FeatureHash.Word, "pear")], Is.EqualTo(1 + Math.Log(3)).Within(1e-4));
    }

    [Test]
    public void Unknown_words_are_dropped_so_any_text_featurizes()
    {
        var vocabulary = TextVocabulary.Build(["apple pear", "apple pear"], WordsOnly, CancellationToken.None);

        var (ids, weights) = vocabulary.Featurize("kiwi mango");

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Empty);
            Assert.That(weights, Is.Empty);
        });
    }

    [Test]
    public void Words_and_character_ngrams_are_normalised_apart()
    {
        var settings = new TextFeatureSettings { WordNgrams = 1, MinCharNgram = 2, MaxCharNgram = 2, MinWordDocuments = 1, MinCharDocuments = 1 };
        var vocabulary = TextVocabulary.Build(["ab cd", "ab"], settings, CancellationToken.None);

        var (ids, weights) = vocabulary.Featurize("ab cd");

        var words = ids.Zip(weights).Where(x => x.First < vocabulary.WordFeatures).Sum(x => x.Second * x.Second);
        var chars = ids.Zip(weights).Where(x => x.First >= vocabulary.WordFeatures).Sum(x => x.Second * x.Second);
        Assert.Multiple(() =>
        {
            Assert.That(words, Is.EqualTo(1).Within(1e-5));
            Assert.That(chars, Is.EqualTo(1).Within(1e-5));
        });
    }
}
