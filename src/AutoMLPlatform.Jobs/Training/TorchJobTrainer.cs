using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Torch.Images;
using AutoMLPlatform.Torch.Mapping;
using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.Torch.Text;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Training;

/// <summary>
/// The Torch side of a job: image datasets run the image search (<see cref="ImageSearch"/>: ResNet18 features with a
/// trained head against the from-scratch network), <c>text-classification</c> jobs train the text classifier on the
/// table's free-text column. Each gets what is left of the job's time budget (the clock started at
/// the claim), reports every epoch on the job row, is recorded as one leaderboard trial, and is registered as a model
/// package with a Torch part, which the scoring service loads like any other model.
/// </summary>
internal sealed partial class TorchJobTrainer(IBlobStore blobs, IJobStore jobs, ModelArtifacts artifacts, PretrainedNetworks pretrained, TimeProvider time,
    ILogger<TorchJobTrainer> logger)
{
    public const string ImageTrainer = ImageSearch.ScratchTrainer;
    public const string TextTrainer = "TorchTextClassifier";

    /// <summary>Time kept back from the budget for packaging and registering after training.</summary>
    private static readonly TimeSpan Reserve = TimeSpan.FromSeconds(2);

    public async Task<ModelVersionRef> TrainImagesAsync(Lease<TrainingJob> lease, DatasetVersion version, CancellationToken cancellationToken)
    {
        var spec = lease.Current.Spec;
        if (version.Format != DatasetFormat.ImageZip || spec.Modality == DataModality.Text)
        {
            throw new UnprocessableException("modality-mismatch",
                "Image datasets train image-classification models, and image-classification needs an image dataset (a zip of class folders).", "task");
        }

        LogNative(TorchNative.EnsureLoaded());
        var data = await LoadImagesAsync(lease.Current, version, cancellationToken).ConfigureAwait(false);
        var (task, metric) = Resolve(version, ImageDatasetSchema.LabelColumn, spec);
        await PlanAsync(lease, task, metric, data.Count, "images", [new ColumnNote(ImageDatasetSchema.ImageColumn, "image", "the image"),
            new ColumnNote(ImageDatasetSchema.LabelColumn, "label", "the class folder")], cancellationToken).ConfigureAwait(false);
        var mlContext = new MLContext(spec.Seed);
        var search = new ImageSearch(mlContext, new ImageSearch.Options
        {
            ImageColumn = ImageDatasetSchema.ImageColumn,
            LabelColumn = ImageDatasetSchema.LabelColumn,
            TimeLimit = Remaining(lease.Current),
            Seed = spec.Seed,
            Metric = metric,
        }, pretrained);
        var result = await new TorchRun(jobs, lease, metric).RunSearchAsync(progress => search.Run(data, progress, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        using var model = result.Best;
        LogSearch(lease.Current.Id, string.Join("; ", result.Notes));
        return await RegisterAsync(lease.Current, mlContext, model, task, metric, result.Trainer,
            new ModelInputColumn(ImageDatasetSchema.ImageColumn, ColumnType.Image, AllowMissing: false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ModelVersionRef> TrainTextAsync(Lease<TrainingJob> lease, DatasetVersion version, LoadedTable table, CancellationToken cancellationToken)
    {
        var spec = lease.Current.Spec;
        // Personal data is never read in clear, and a keyed hash of a whole text leaves no words to learn from.
        var textColumn = version.Schema.Columns.FirstOrDefault(c => c.Type == ColumnType.Text && c.Name != spec.Label && c.Sensitive is null)
            ?? throw new UnprocessableException(TrainingErrorCodes.NoTextColumn,
                $"text-classification needs a free-text column besides the label that is not personal data; the columns are: {string.Join(", ", version.Schema.Columns.Select(Describe))}.", "task");
        var (task, metric) = Resolve(version, spec.Label, spec);
        LogNative(TorchNative.EnsureLoaded());
        var (texts, labels) = TextTable.Read(table, textColumn.Name, spec.Label);
        await PlanAsync(lease, task, metric, texts.Count, "rows", [new ColumnNote(textColumn.Name, "text", "the first free-text column"),
            new ColumnNote(spec.Label, "label", "the label"), .. version.Schema.Columns.Where(c => c.Name != textColumn.Name && c.Name != spec.Label)
                .Select(c => new ColumnNote(c.Name, "ignored", c.Sensitive is null ? "text-classification reads one text column" : "personal data"))], cancellationToken).ConfigureAwait(false);
        var mlContext = new MLContext(spec.Seed);
        var trainer = new TextClassificationTrainer(mlContext, new TextClassificationTrainer.Options
        {
            TextColumn = textColumn.Name,
            LabelColumn = spec.Label,
            TimeLimit = Remaining(lease.Current),
            Seed = spec.Seed,
        });
        using var model = await new TorchRun(jobs, lease, metric).RunAsync(TextTrainer, progress => trainer.Fit(texts, labels, progress, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return await RegisterAsync(lease.Current, mlContext, model, task, metric, TextTrainer,
            new ModelInputColumn(textColumn.Name, ColumnType.Text, AllowMissing: textColumn.MissingCount > 0), cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(ColumnProfile column) =>
        $"{column.Name} ({column.Type.ToString().ToLowerInvariant()}{(column.Sensitive is null ? "" : ", sensitive")})";

    /// <summary>Binary for two classes, multiclass for more; a regression request or metric is refused.</summary>
    private static (TaskKind Task, MetricKind Metric) Resolve(DatasetVersion version, string label, JobSpec spec)
    {
        var profile = version.Schema.Find(label) ?? throw new InvalidInputException(TrainingErrorCodes.UnknownLabel, $"The dataset has no column '{label}'.", "label");
        var (task, _) = TaskInference.Resolve(profile, spec.Task, version.RowCount);
        if (task == TaskKind.Regression)
        {
            throw new UnprocessableException("classification-only", $"The Torch trainers classify; the label '{label}' asks for regression.", "task");
        }

        var metric = spec.Metric ?? Metrics.DefaultFor(task);
        return Metrics.AppliesTo(metric, task)
            ? (task, metric)
            : throw new InvalidInputException(TrainingErrorCodes.MetricNotForTask, $"The metric '{Metrics.NameOf(metric)}' does not apply to {TaskKindNames.NameOf(task)} tasks.", "metric");
    }

    private async Task<ImageDataset> LoadImagesAsync(TrainingJob job, DatasetVersion version, CancellationToken cancellationToken)
    {
        await using var content = await blobs.OpenReadAsync(job.TenantId, BlobKind.Dataset, version.Sha256, cancellationToken).ConfigureAwait(false);
        if (content.CanSeek)
        {
            return await FromZipAsync(content, cancellationToken).ConfigureAwait(false);
        }

        // A zip is read by seeking. A store that cannot seek its blobs gets the zip staged again (sealed, like every
        // staging file), never copied as plaintext to a shared temp directory.
        await using var staged = await blobs.StageAsync(content, long.MaxValue, cancellationToken).ConfigureAwait(false);
        await using var seekable = await staged.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await FromZipAsync(seekable, cancellationToken).ConfigureAwait(false);
    }

    // The upload was checked against the configured limits; the defaults only guard against a blob changed since.
    private static Task<ImageDataset> FromZipAsync(Stream zip, CancellationToken cancellationToken) =>
        Task.Run(() => ImageDataset.FromZip(zip, ImageZipLimits.Default, new ImageSizing(), cancellationToken), cancellationToken);

    private static Task PlanAsync(Lease<TrainingJob> lease, TaskKind task, MetricKind metric, int rows, string unit, IReadOnlyList<ColumnNote> columns,
        CancellationToken cancellationToken) =>
        lease.UpdateAsync(job => job with
        {
            Progress = job.Progress with
            {
                Phase = JobPhase.Training,
                Task = task,
                Metric = metric,
                Validation = $"holdout: {rows} {unit}, {Torch.Training.TorchTrainingOptions.DefaultValidationFraction:P0} held out for validation, stratified by class",
                Columns = columns,
            },
        }, cancellationToken);

    /// <summary>What is left of the budget, counted from the claim, less time to package and register.</summary>
    private TimeSpan Remaining(TrainingJob job)
    {
        var remaining = job.Spec.TimeBudget - (time.GetUtcNow() - (job.StartedAt ?? time.GetUtcNow())) - Reserve;
        return remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
    }

    private Task<ModelVersionRef> RegisterAsync(TrainingJob job, MLContext mlContext, TorchClassifierTransformer model, TaskKind task, MetricKind metric,
        string trainer, ModelInputColumn input, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        if (model.Training is { } summary)
        {
            LogTrained(job.Id, trainer, summary.Epochs, summary.BestEpoch, summary.StoppedBecause, summary.SamplesPerSecond);
        }

        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, task, spec.Label, model.Classes, [input], trainer, []);
        var hyperparameters = new Dictionary<string, object>(model.Training?.Settings ?? new Dictionary<string, object>());
        var noInputs = mlContext.Data.LoadFromEnumerable(Array.Empty<object>()).Schema;
        return artifacts.StoreAndRegisterAsync(job, mlContext, model, noInputs, manifest, (sha256, size) =>
            new NewModelVersion(job.TenantId, spec.ModelName, task, spec.Label, metric, model.Training?.ValidationMetrics ?? new Dictionary<string, double>(),
                [input], model.Classes, new ModelLineage(spec.DatasetId, spec.DatasetVersion, job.Id, trainer, hyperparameters), sha256, size),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Torch native libraries ready: {Outcome} ({Library}, libstdc++ {LibStdCxx})")]
    private partial void LogNativeReady(NativePatchOutcome outcome, string? library, string? libStdCxx);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Job {JobId}: {Trainer} trained {Epochs} epochs (best {BestEpoch}, stopped: {StoppedBecause}) at {SamplesPerSecond:F0} samples/s")]
    private partial void LogTrained(JobId jobId, string trainer, int epochs, int bestEpoch, string stoppedBecause, double samplesPerSecond);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: image search {Notes}")]
    private partial void LogSearch(JobId jobId, string notes);

    private void LogNative(TorchNativeReport report) => LogNativeReady(report.Outcome, report.LibraryPath, report.LibStdCxxPath);
}
