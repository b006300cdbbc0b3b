using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.Jobs.Training;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch;
using AutoMLPlatform.Torch.External;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Jobs.Tests.Training;

[Category("Slow")]
public class TorchJobTests
{
    /// <summary>Measured: 0.93 on these 100 test digits (300 training digits, 40 s, load average 12); the floor leaves room for a worse seed.</summary>
    private const double DigitsAccuracyFloor = 0.85;

    [Test]
    public async Task An_image_dataset_job_runs_the_image_search_and_registers_its_best_model()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitImagesAsync(stores, perClass: 30, budgetSeconds: 30);

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var trials = await stores.Jobs.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var model = await stores.Registry.ResolveAliasAsync(TenantId.Default, "blobs", ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(trials.Select(t => t.Trainer), Does.Contain(TorchJobTrainer.ImageTrainer));
            Assert.That(trials.Select(t => t.Trainer), Is.All.AnyOf(ImageSearch.ScratchTrainer, ImageSearch.ResNetTrainer, ImageSearch.EnsembleTrainer));
            Assert.That(trials.Max(t => t.Metrics["accuracy"]), Is.GreaterThan(0.6), "chance is a third");
            Assert.That(model!.Lineage.Trainer, Is.EqualTo(done.Progress.BestTrainer), "the best validating trial is registered");
            Assert.That(model!.Inputs, Is.EqualTo(new[] { new ModelInputColumn("image", ColumnType.Image, false) }));
            Assert.That(model.Classes, Is.EqualTo(TestImages.BlobClasses));
            Assert.That(model.Task, Is.EqualTo(TaskKind.Multiclass));
        });
    }

    [Test]
    public async Task An_image_job_on_shared_digits_spends_its_budget_on_several_candidates_and_predicts_unseen_digits_above_a_measured_floor()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var job = await SubmitImagesAsync(stores, SharedImages.Zip("digits", "train", perClass: 30), "digits", budgetSeconds: 40);
        var test = SharedImages.Read("digits", "test", perClass: 10);

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var trials = await stores.Jobs.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var version = await stores.Registry.ResolveAliasAsync(TenantId.Default, "digits", ModelAliases.Production, CancellationToken.None);
        var predicted = await PredictImagesAsync(stores, version!, test.Select(t => Convert.ToBase64String(t.Bytes)).ToArray());
        var accuracy = predicted.Zip(test, (p, t) => p == t.Class ? 1.0 : 0.0).Average();
        await TestContext.Out.WriteLineAsync($"accuracy {accuracy:F3} on {test.Count} test digits; trials: {string.Join(", ", trials.Select(t => $"{t.Trainer} {t.Score:F3}"))}");

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(trials, Has.Count.GreaterThan(1), "a run that stops early leaves budget for another");
            Assert.That(accuracy, Is.GreaterThanOrEqualTo(DigitsAccuracyFloor));
        });
    }

    [Test]
    public async Task A_text_classification_job_trains_on_the_text_column_and_ignores_the_others()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var dataset = await stores.AddDatasetAsync("reviews", TestTexts.Csv(TestTexts.Sentiments, 300));
        var job = await CreateAsync(stores, new JobSpec(dataset.DatasetId, dataset.Version, "label", null, null, TimeSpan.FromSeconds(30), "reviews",
            Modality: DataModality.Text));

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var model = await stores.Registry.ResolveAliasAsync(TenantId.Default, "reviews", ModelAliases.Production, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(done.Progress.Columns!.Single(c => c.Name == "id").Role, Is.EqualTo("ignored"));
            Assert.That(model!.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "review" }));
            Assert.That(model.Task, Is.EqualTo(TaskKind.Binary));
            Assert.That(model.Lineage.Trainer, Is.EqualTo(TorchJobTrainer.TextTrainer));
        });
    }

    [Test]
    public async Task A_text_classification_job_does_not_read_a_text_column_that_is_personal_data()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var dataset = await stores.AddDatasetAsync("reviews", TestTexts.Csv(TestTexts.Sentiments, 50), mark: s => HashedTables.MarkSensitive(s, "review"));
        var job = await CreateAsync(stores, new JobSpec(dataset.DatasetId, dataset.Version, "label", null, null, TimeSpan.FromSeconds(30), "reviews",
            Modality: DataModality.Text));

        var error = Assert.ThrowsAsync<Core.Common.UnprocessableException>(() => stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("no-text-column"));
            Assert.That(error.Message, Does.Contain("review (text, sensitive)"));
        });
    }

    [Test]
    public async Task An_auto_job_on_a_text_table_has_a_Torch_trial_next_to_MLNet_trials_and_registers_a_model_that_predicts()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue());
        var dataset = await stores.AddDatasetAsync("reviews", TestTexts.Csv(TestTexts.Sentiments, 300));
        var job = await CreateAsync(stores, new JobSpec(dataset.DatasetId, dataset.Version, "label", null, null, TimeSpan.FromSeconds(120), "reviews",
            MaxTrials: 30)); // three featurizations (n-grams, sentence vectors, both) make 21 ML.NET arms beside the network's

        await stores.Services.GetRequiredService<ITrainingRunner>().RunAsync(job.Id, CancellationToken.None);
        var done = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);
        var trials = await stores.Jobs.ListTrialsAsync(job.Id, 1, CancellationToken.None);
        var model = await stores.Registry.ResolveAliasAsync(TenantId.Default, "reviews", ModelAliases.Production, CancellationToken.None);
        var predicted = await PredictAsync(stores, model!, ["love it, great and fresh, i recommend it", "awful, stale and broken, i want a refund"]);

        Assert.Multiple(() =>
        {
            Assert.That(done!.Status, Is.EqualTo(JobStatus.Succeeded), done.Error);
            Assert.That(trials.Where(t => t.Trainer == TorchTextTrainer.TrainerName && t.Error is null && t.Score > 0.8), Is.Not.Empty, "a scored Torch trial");
            Assert.That(trials.Where(t => t.Trainer != TorchTextTrainer.TrainerName), Is.Not.Empty, "ML.NET trials beside it");
            Assert.That(model!.Lineage.Trainer, Is.EqualTo(done.Progress.BestTrainer), "the best validating trial is registered");
            Assert.That(predicted, Is.EqualTo(new[] { "good", "bad" }));
        });
    }

    [Test]
    public async Task An_image_job_cancelled_during_training_ends_cancelled_without_a_model()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue(),
            settings: new() { ["AutoMLPlatform:Jobs:HeartbeatInterval"] = "00:00:00.100" });
        var job = await SubmitImagesAsync(stores, perClass: 400, budgetSeconds: 600);
        var runner = stores.Services.GetRequiredService<ITrainingRunner>();

        var run = runner.RunAsync(job.Id, CancellationToken.None);
        await WaitForAsync(stores, job.Id, j => j.Progress is { Phase: JobPhase.Training, Epoch: not null });
        await stores.Jobs.RequestCancelAsync(TenantId.Default, job.Id, CancellationToken.None);
        await run;
        var cancelled = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(cancelled!.Status, Is.EqualTo(JobStatus.Cancelled));
            Assert.That(await stores.Registry.FindModelAsync(TenantId.Default, "blobs", CancellationToken.None), Is.Null);
        });
    }

    private static Task<TrainingJob> SubmitImagesAsync(PlatformStores stores, int perClass, int budgetSeconds) =>
        SubmitImagesAsync(stores, TestImages.BlobsZip(perClass), "blobs", budgetSeconds);

    private static async Task<TrainingJob> SubmitImagesAsync(PlatformStores stores, byte[] zip, string name, int budgetSeconds)
    {
        var summary = ImageZipReader.Read(new MemoryStream(zip), ImageZipLimits.Default, null, CancellationToken.None);
        await using var staged = await stores.Blobs.StageAsync(new MemoryStream(zip), long.MaxValue, CancellationToken.None);
        await stores.Blobs.CommitAsync(staged, TenantId.Default, BlobKind.Dataset, CancellationToken.None);
        var dataset = await stores.Datasets.AddVersionAsync(TenantId.Default, name,
            new NewDatasetVersion(staged.Sha256, staged.SizeBytes, summary.ImageCount, DatasetFormat.ImageZip, ImageDatasetSchema.From(summary)), CancellationToken.None);
        return await CreateAsync(stores, new JobSpec(dataset.DatasetId, dataset.Version, "label", null, null, TimeSpan.FromSeconds(budgetSeconds), name));
    }

    /// <summary>Reads the registered image package back as the scoring service does (over a process's pretrained networks) and predicts class names.</summary>
    private static async Task<string[]> PredictImagesAsync(PlatformStores stores, ModelVersion version, string[] images)
    {
        await using var content = await stores.Blobs.OpenReadAsync(TenantId.Default, BlobKind.Model, version.ArtifactSha256, CancellationToken.None);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        var mlContext = new MLContext(1);
        using var networks = new PretrainedNetworks();
        var loaded = ModelPackage.Read(buffer, mlContext, TorchModelParts.Loaders(networks: networks));
        var scored = loaded.Transformer.Transform(mlContext.Data.LoadFromEnumerable(images.Select(i => new ImageRow { Image = i })));
        return scored.GetColumn<string>("PredictedLabel").ToArray();
    }

    private sealed class ImageRow
    {
        [ColumnName("image")]
        public string Image { get; set; } = "";
    }

    /// <summary>Reads the registered package back the way the scoring service does (Torch part loaders included) and predicts class names.</summary>
    private static async Task<string[]> PredictAsync(PlatformStores stores, ModelVersion version, string[] reviews)
    {
        await using var content = await stores.Blobs.OpenReadAsync(TenantId.Default, BlobKind.Model, version.ArtifactSha256, CancellationToken.None);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        var mlContext = new MLContext(1);
        var loaded = ModelPackage.Read(buffer, mlContext, TorchModelParts.Loaders());
        var scored = loaded.Transformer.Transform(mlContext.Data.LoadFromEnumerable(reviews.Select(r => new ReviewRow { Review = r })));
        var labels = scored.GetColumn<bool>("PredictedLabel").ToArray();
        return labels.Select(positive => version.Classes[positive ? 1 : 0]).ToArray();
    }

    private sealed class ReviewRow
    {
        [ColumnName("review")]
        public string Review { get; set; } = "";
    }

    private static async Task<TrainingJob> CreateAsync(PlatformStores stores, JobSpec spec)
    {
        var job = TrainingJob.Create(TenantId.Default, spec, DateTimeOffset.UtcNow);
        await stores.Jobs.CreateAsync(job, CancellationToken.None);
        return job;
    }

    private static async Task WaitForAsync(PlatformStores stores, JobId id, Func<TrainingJob, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!condition((await stores.Jobs.FindAnyAsync(id, timeout.Token))!))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
