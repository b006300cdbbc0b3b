using AutoMLPlatform.Pretrained.Assets;
using AutoMLPlatform.Pretrained.Text;

namespace AutoMLPlatform.Pretrained.Tests;

public sealed class PretrainedNetworksTests
{
    [Test]
    public async Task Concurrent_first_uses_load_the_network_once_and_share_it()
    {
        using var networks = new PretrainedNetworks();

        var encoders = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => networks.SentenceEncoder(SentenceEncoders.MiniLm.Name))));

        Assert.Multiple(() =>
        {
            Assert.That(encoders.Distinct(), Has.Exactly(1).Items);
            Assert.That(networks.IsLoaded("all-minilm-l6-v2"), Is.True);
        });
    }

    [Test]
    public void An_unknown_encoder_is_refused_with_the_known_names()
    {
        using var networks = new PretrainedNetworks();

        var error = Assert.Throws<PretrainedAssetException>(() => networks.SentenceEncoder("bert-huge"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("pretrained-asset-unknown"));
            Assert.That(error.Message, Does.Contain("all-MiniLM-L6-v2"));
        });
    }
}
