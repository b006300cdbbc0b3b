using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.Images;
using Microsoft.ML;

namespace AutoMLPlatform.Torch.Tests.Images;

[Category("Slow")]
public class ImageSearchTests
{
    [Test]
    public void A_search_with_time_to_spare_trains_the_network_again_and_offers_the_average_of_the_runs()
    {
        var data = ImageDataset.FromZip(new MemoryStream(TestImages.BlobsZip(perClass: 20)), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);
        var search = new ImageSearch(new MLContext(1), new ImageSearch.Options { TimeLimit = TimeSpan.FromMinutes(2), MaxScratchRounds = 2 }, pretrained: null);

        var result = search.Run(data, null, CancellationToken.None);
        using var best = result.Best;

        Assert.Multiple(() =>
        {
            Assert.That(result.Candidates.Select(c => c.Trainer),
                Is.EqualTo(new[] { ImageSearch.ScratchTrainer, ImageSearch.ScratchTrainer, ImageSearch.EnsembleTrainer }));
            Assert.That(result.Candidates[1].Summary.Settings!["patience"], Is.EqualTo(8), "the second run is more patient");
            Assert.That(result.Candidates.Select(c => c.Summary), Does.Contain(best.Training), "the chosen model is one of them");
            Assert.That(result.Notes, Has.Some.Contains("not offered"));
        });
    }

    [Test]
    public void A_search_with_less_time_than_a_round_still_trains_the_network_once()
    {
        var data = ImageDataset.FromZip(new MemoryStream(TestImages.BlobsZip(perClass: 10)), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);
        var search = new ImageSearch(new MLContext(1), new ImageSearch.Options { TimeLimit = TimeSpan.FromSeconds(2) }, pretrained: null);

        var result = search.Run(data, null, CancellationToken.None);
        using var best = result.Best;

        Assert.That(result.Candidates.Select(c => c.Trainer), Is.EqualTo(new[] { ImageSearch.ScratchTrainer }));
    }

    [Test]
    public void The_average_of_the_runs_survives_a_package_round_trip_with_the_same_scores()
    {
        var data = ImageDataset.FromZip(new MemoryStream(TestImages.BlobsZip(perClass: 10)), ImageZipLimits.Default, new ImageSizing(), CancellationToken.None);
        var runs = Enumerable.Range(1, 2).Select(seed => new ImageClassificationTrainer(new MLContext(1),
            new ImageClassificationTrainer.Options { ImageColumn = "image", MaxEpochs = 2, Seed = seed }).Fit(data, null, CancellationToken.None)).ToArray();
        using var ensemble = ScratchEnsemble.Build(new MLContext(1), data, runs, [0, 10, 20], "image");
        var images = Enumerable.Range(0, 3).Select(i => Convert.ToBase64String(TestImages.Blob(TestImages.BlobClasses[i], new Random(i)))).ToArray();
        var inputSchema = new MLContext(1).Data.LoadFromEnumerable(Array.Empty<ImageRow>()).Schema;

        var loaded = TorchModels.RoundTrip(ensemble, inputSchema,
            TorchModels.Manifest(Core.Modeling.TaskKind.Multiclass, ensemble.Classes, "image", Core.Datasets.ColumnType.Image));
        var engine = new MLContext(1).Model.CreatePredictionEngine<ImageRow, Prediction>(loaded.Transformer);

        Assert.That(images.SelectMany(i => engine.Predict(new ImageRow { Image = i }).Score), Is.EqualTo(images.SelectMany(i => ensemble.PredictProbabilities(i))).Within(1e-6));
    }

    private sealed class ImageRow
    {
        [Microsoft.ML.Data.ColumnName("image")]
        public string Image { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }
}
