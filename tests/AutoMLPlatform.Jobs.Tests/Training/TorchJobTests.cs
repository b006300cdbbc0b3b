using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Training;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.Images;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Training;

[Category("Slow")]
public class TorchJobTests
{
    [Test]
    public async Task An_image_dataset_job_trains_the_image_classifier_and_registers_it()
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
            Assert.That(trials.Select(t => t.Trainer), Is.EqualTo(new[] { TorchJobTrainer.ImageTrainer }));
            Assert.That(trials[0].Metrics["accuracy"], Is.GreaterThan(0.6), "chance is a third");
            Assert.That(model!.Inputs, Is.EqualTo(new[] { new ModelInputColumn("image", ColumnType.Image, false) }));
            Assert.That(model.Classes, Is.EqualTo(TestImages.BlobClasses));
            Assert.That(model.Task, Is.EqualTo(TaskKind.Multiclass));
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
    public async Task An_image_job_cancelled_during_training_ends_cancelled_without_a_model()
    {
        await using var stores = await JobsHost.StartAsync(new RecordingJobQueue(),
            settings: new() { ["AutoMLPlatform:Jobs:HeartbeatInterval"] = "00:00:00.100" });
        var job = await SubmitImagesAsync(stores, perClass: 400, budgetSeconds: 600);
        var runner = stores.Services.GetRequiredService<ITrainingRunner>();

        var run = runner.RunAsync(job.Id, CancellationToken.None);
        await WaitForAsync(stores, job.Id, j => j.Progress.Phase.StartsWith("training, epoch", StringComparison.Ordinal));
        await stores.Jobs.RequestCancelAsync(TenantId.Default, job.Id, CancellationToken.None);
        await run;
        var cancelled = await stores.Jobs.FindAnyAsync(job.Id, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(cancelled!.Status, Is.EqualTo(JobStatus.Cancelled));
            Assert.That(await stores.Registry.FindModelAsync(TenantId.Default, "blobs", CancellationToken.None), Is.Null);
        });
    }

    private static async Task<TrainingJob> SubmitImagesAsync(PlatformStores stores, int perClass, int budgetSeconds)
    {
        var zip = TestImages.BlobsZip(perClass);
        var summary = ImageZipReader.Read(new MemoryStream(zip), ImageZipLimits.Default, null, CancellationToken.None);
        await using var staged = await stores.Blobs.StageAsync(new MemoryStream(zip), long.MaxValue, CancellationToken.None);
        await stores.Blobs.CommitAsync(staged, TenantId.Default, BlobKind.Dataset, CancellationToken.None);
        var dataset = await stores.Datasets.AddVersionAsync(TenantId.Default, "blobs",
            new NewDatasetVersion(staged.Sha256, staged.SizeBytes, summary.ImageCount, DatasetFormat.ImageZip, ImageDatasetSchema.From(summary)), CancellationToken.None);
        return await CreateAsync(stores, new JobSpec(dataset.DatasetId, dataset.Version, "label", null, null, TimeSpan.FromSeconds(budgetSeconds), "blobs"));
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
