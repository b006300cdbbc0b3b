using AutoMLPlatform.Pretrained.Text;

namespace AutoMLPlatform.Pretrained.Tests.Text;

public sealed class SentenceEncoderTests
{
    private PretrainedNetworks _networks = null!;

    /// <summary>Loaded once for the fixture and owned by its <see cref="PretrainedNetworks"/>.</summary>
    private SentenceEncoder Encoder => _networks.SentenceEncoder(SentenceEncoders.MiniLm.Name);

    [OneTimeSetUp]
    public void LoadOnce() => _networks = new PretrainedNetworks();

    [OneTimeTearDown]
    public void Unload() => _networks.Dispose();

    [Test]
    public void A_text_becomes_one_unit_length_vector_of_the_encoders_dimension()
    {
        var vector = Encoder.Embed("The coffee arrived fresh and tastes wonderful.");

        Assert.Multiple(() =>
        {
            Assert.That(vector, Has.Length.EqualTo(384));
            Assert.That(Math.Sqrt(vector.Sum(v => (double)v * v)), Is.EqualTo(1).Within(1e-5));
        });
    }

    [Test]
    public void The_same_text_gives_the_same_bits_every_time_and_from_a_second_process_load()
    {
        using var other = new PretrainedNetworks();
        const string text = "Mr. Darcy walked into the room, and every head turned.";

        var first = Encoder.Embed(text);
        var again = Encoder.Embed(text);
        var fromOtherLoad = other.SentenceEncoder("ALL-MINILM-L6-V2").Embed(text);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first).AsCollection);
            Assert.That(fromOtherLoad, Is.EqualTo(first).AsCollection);
        });
    }

    [Test]
    public void Texts_that_mean_the_same_are_closer_than_texts_that_do_not()
    {
        var meal = Encoder.Embed("This meal tasted delicious.");
        var food = Encoder.Embed("The food was really good.");
        var train = Encoder.Embed("The train to Leeds leaves at noon.");

        Assert.That(Dot(meal, food), Is.GreaterThan(Dot(meal, train) + 0.2));
    }

    [Test]
    public void A_long_text_is_cut_to_the_encoders_token_limit_and_still_ends_with_the_separator()
    {
        var text = string.Join(' ', Enumerable.Repeat("wonderful", 500));

        var ids = Encoder.Tokenize(text);

        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Count.EqualTo(SentenceEncoders.MiniLm.MaxTokens));
            Assert.That(ids[0], Is.EqualTo(101), "[CLS]");
            Assert.That(ids[^1], Is.EqualTo(102), "[SEP]");
            Assert.That(Encoder.Embed(text), Has.Length.EqualTo(384));
        });
    }

    [Test]
    public async Task Encoding_many_texts_gives_each_text_its_own_vector_in_order_duplicates_included()
    {
        string[] texts = ["good tea", "", "bad tea", "good tea", "Ünïcödé accents and 数字 mixed in"];

        var vectors = await Encoder.EmbedAllAsync(texts, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(vectors, Has.Length.EqualTo(texts.Length));
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.That(vectors[i], Is.EqualTo(Encoder.Embed(texts[i])).AsCollection, texts[i]);
            }
        });
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
