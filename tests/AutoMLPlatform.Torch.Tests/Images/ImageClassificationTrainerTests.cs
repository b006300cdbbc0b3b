using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Tests.Images;

[Category("Slow")]
public class ImageClassificationTrainerTests
{
    [Test]
    public void A_small_training_run_classifies_unseen_images_far_better_than_chance()
    {
        var model = TorchModels.Blobs;
        var random = new Random(99);
        var test = TestImages.BlobClasses.SelectMany(c => Enumerable.Range(0, 20).Select(_ => (Class: c, Image: TestImages.Blob(c, random)))).ToArray();

        var correct = test.Count(t => model.Classes[ClassificationMetrics.ArgMax(model.PredictProbabilities(Convert.ToBase64String(t.Image)).ToArray())] == t.Class);

        Assert.That(correct / (double)test.Length, Is.GreaterThan(0.8), "chance is a third");
    }

    [Test]
    public void Training_reports_every_epoch_and_keeps_the_best()
    {
        var reports = new List<EpochReport>();
        var data = Blobs(perClass: 10);

        using var model = new ImageClassificationTrainer(new MLContext(1), new ImageClassificationTrainer.Options { MaxEpochs = 3, Patience = 5 })
            .Fit(data, new Recorder<EpochReport>(reports), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.Epoch), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(model.Training!.BestEpoch, Is.EqualTo(reports.Last(r => r.IsBest).Epoch));
            Assert.That(model.Training.ValidationMetrics[Metrics.NameOf(MetricKind.Accuracy)], Is.EqualTo(reports.Last(r => r.IsBest).ValidationAccuracy));
        });
    }

    [Test]
    public void A_cancelled_token_stops_training()
    {
        var data = Blobs(perClass: 10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new ImageClassificationTrainer(new MLContext(1)).Fit(data, null, cancelled.Token));
    }

    [Test]
    public void Training_stops_at_the_time_limit_with_a_usable_model()
    {
        var data = Blobs(perClass: 10);

        using var model = new ImageClassificationTrainer(new MLContext(1), new ImageClassificationTrainer.Options { TimeLimit = TimeSpan.FromTicks(1), MaxEpochs = 50 })
            .Fit(data, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(model.Training!.StoppedBecause, Is.EqualTo("time-limit"));
            Assert.That(model.Training.Epochs, Is.EqualTo(1));
            Assert.That(model.PredictProbabilities(string.Empty).Sum(), Is.EqualTo(1).Within(1e-4));
        });
    }

    [Test]
    public void A_package_round_trip_gives_identical_predictions_through_a_prediction_engine()
    {
        var model = TorchModels.Blobs;
        var images = Enumerable.Range(0, 6).Select(i => Convert.ToBase64String(TestImages.Blob(TestImages.BlobClasses[i % 3], new Random(i)))).ToArray();
        var ml = new MLContext(1);
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<ImageRow>()).Schema;

        var loaded = TorchModels.RoundTrip(model, inputSchema, TorchModels.Manifest(TaskKind.Multiclass, model.Classes, "image", ColumnType.Image));

        var before = Predict(ml, model, images);
        var after = Predict(ml, loaded.Transformer, images);
        Assert.Multiple(() =>
        {
            Assert.That(after.Select(p => p.PredictedLabel), Is.EqualTo(before.Select(p => p.PredictedLabel)));
            Assert.That(after.SelectMany(p => p.Score), Is.EqualTo(before.SelectMany(p => p.Score)));
            Assert.That(before.Select(p => p.PredictedLabel), Is.EqualTo(TestImages.BlobClasses.Concat(TestImages.BlobClasses)));
        });
    }

    [Test]
    public void An_image_that_is_not_base64_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<Core.Common.InvalidInputException>(() => TorchModels.Blobs.PredictProbabilities("not base64 at all!"));

        Assert.That(error!.Message, Does.Contain("base64"));
    }

    private static ImageDataset Blobs(int perClass) =>
        ImageDataset.FromZip(new MemoryStream(TestImages.BlobsZip(perClass)), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);

    private static Prediction[] Predict(MLContext ml, ITransformer model, string[] images)
    {
        var engine = ml.Model.CreatePredictionEngine<ImageRow, Prediction>(model);
        return images.Select(i => engine.Predict(new ImageRow { Image = i })).ToArray();
    }

    private sealed class ImageRow
    {
        [ColumnName("image")]
        public string Image { get; set; } = "";
    }

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }
}
