using System.IO.Compression;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Splitting;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Assets;
using AutoMLPlatform.Pretrained.Images;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Packaging;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Tests.Images;

/// <summary>A linear head on ResNet18 features, trained once per fixture on 20 digits of each class from the shared <c>digits</c> data.</summary>
[Category("Slow")]
[NonParallelizable]
public sealed class ResNetImageClassifierTests
{
    /// <summary>Measured: 0.79 on these 100 test digits (seed 1, 180 training digits); the floor leaves room for another machine's rounding.</summary>
    private const double AccuracyFloor = 0.70;

    private PretrainedNetworks _networks = null!;
    private ResNetImageClassificationTransformer _model = null!;
    private ImageDataset _train = null!;

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _networks = new PretrainedNetworks();
        _train = ImageDataset.FromZip(new MemoryStream(SharedImages.Zip("digits", "train", perClass: 20)), ImageZipLimits.Default, new ImageSizing(),
            CancellationToken.None);
        var extractor = _networks.ResNet18();
        var features = extractor.ExtractAll(_train.Pixels, _train.Count, _train.Shape.Channels, _train.Shape.Height, _train.Shape.Width, CancellationToken.None);
        var (train, validation) = StratifiedSplit.Split(StratifiedSplit.ClassesOf(_train.Labels), 0.1, 1);
        _model = new ResNetHeadTrainer(new MLContext(1), new ResNetHeadTrainer.Options { ImageColumn = "image" })
            .Fit(_train, extractor, features, train, validation, new ImageDecodeBudget(ImageDecodeLimits.Default), null, CancellationToken.None);
    }

    [OneTimeTearDown]
    public void Release()
    {
        _model.Dispose();
        _networks.Dispose();
    }

    [Test]
    public void The_features_of_a_real_digit_are_512_values_and_the_same_every_time()
    {
        var size = _train.Shape.Size;
        var pixels = _train.Pixels.AsSpan(0, size).ToArray();
        var (first, second) = (new float[ImageFeatureExtractor.Dimension], new float[ImageFeatureExtractor.Dimension]);

        _networks.ResNet18().Extract(pixels, _train.Shape.Channels, _train.Shape.Height, _train.Shape.Width, first);
        _networks.ResNet18().Extract(pixels, _train.Shape.Channels, _train.Shape.Height, _train.Shape.Width, second);

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Length.EqualTo(512));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Count(v => v > 0), Is.GreaterThan(100), "pooled ReLU activations");
        });
    }

    [Test]
    public void A_head_on_ResNet18_features_classifies_unseen_digits_above_a_measured_floor()
    {
        var test = SharedImages.Read("digits", "test", perClass: 10);

        var correct = test.Count(t => _model.Classes[ClassificationMetrics.ArgMax(_model.PredictProbabilities(Convert.ToBase64String(t.Bytes)).ToArray())] == t.Class);
        var accuracy = correct / (double)test.Count;
        TestContext.Out.WriteLine($"accuracy {accuracy:F3} on {test.Count} test digits");

        Assert.That(accuracy, Is.GreaterThanOrEqualTo(AccuracyFloor), "chance is a tenth");
    }

    [Test]
    public void Two_versions_are_small_packages_that_name_the_network_and_hold_none_of_its_weights()
    {
        var first = Package(_model);
        var second = Package(_model);
        using var zip = new ZipArchive(new MemoryStream(first));
        var part = zip.Entries.Single(e => e.FullName.Contains(ResNetImageClassificationTransformer.PartKind, StringComparison.Ordinal));
        using var inner = new ZipArchive(part.Open());
        using var config = new StreamReader(inner.GetEntry("model.json")!.Open());
        var json = config.ReadToEnd();

        Assert.Multiple(() =>
        {
            Assert.That(first.Length + second.Length, Is.LessThan(200_000), "the network is 63 MB");
            Assert.That(json, Does.Contain(PretrainedAssets.ResNet18.Sha256).And.Contain("\"network\":\"resnet18\""));
        });
    }

    [Test]
    public void A_loaded_package_predicts_what_the_trained_model_did_over_the_process_network()
    {
        var images = SharedImages.Read("digits", "test", perClass: 1).Select(t => Convert.ToBase64String(t.Bytes)).ToArray();

        var loaded = Read(Package(_model), new ImageDecodeBudget(ImageDecodeLimits.Default));

        Assert.That(Scores(loaded, images), Is.EqualTo(images.SelectMany(i => _model.PredictProbabilities(i))));
    }

    [Test]
    public void A_loaded_model_refuses_a_picture_over_the_pixel_limit_before_decoding_it()
    {
        var loaded = Read(Package(_model), new ImageDecodeBudget(ImageDecodeLimits.Default));
        var bomb = Convert.ToBase64String(HostileInputs.BlackPng(30_000, 30_000));

        var error = Assert.Throws<ImageTooLargeException>(() => Scores(loaded, [bomb]));

        Assert.That(error!.Pixels, Is.EqualTo(900_000_000L));
    }

    private static byte[] Package(ITransformer model)
    {
        using var buffer = new MemoryStream();
        var inputSchema = new MLContext(1).Data.LoadFromEnumerable(Array.Empty<ImageRow>()).Schema;
        ModelPackage.Write(buffer, new MLContext(1), model, inputSchema, TorchModels.Manifest(TaskKind.Multiclass, [.. Enumerable.Range(0, 10).Select(i => $"{i}")], "image", ColumnType.Image));
        return buffer.ToArray();
    }

    private LoadedModel Read(byte[] package, ImageDecodeBudget budget) =>
        ModelPackage.Read(new MemoryStream(package), new MLContext(2), TorchModelParts.Loaders(budget, _networks));

    private static float[] Scores(LoadedModel model, string[] images)
    {
        var ml = new MLContext(1);
        var engine = ml.Model.CreatePredictionEngine<ImageRow, Prediction>(model.Transformer);
        return images.SelectMany(i => engine.Predict(new ImageRow { Image = i }).Score).ToArray();
    }

    private sealed class ImageRow
    {
        [ColumnName("image")]
        public string Image { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }
}
