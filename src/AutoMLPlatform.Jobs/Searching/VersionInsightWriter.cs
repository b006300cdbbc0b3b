using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Insight.Importance;
using AutoMLPlatform.Insight.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AutoMLPlatform.Jobs.Searching;

/// <summary>
/// Writes what a new version's job already knows about it: the evaluation report on the engine's validation
/// predictions and permutation importance within <see cref="JobsOptions.ImportanceBudgetShare"/> of the budget.
/// The version is registered before this runs, and insight is extra: a failure or a stop leaves the version without
/// that part, and never fails or repeats the job (a repeat would register a second version).
/// </summary>
internal sealed partial class VersionInsightWriter(IModelInsightStore store, StoredModelReader models, TimeProvider time, IOptions<JobsOptions> options,
    ILogger<VersionInsightWriter> logger)
{
    /// <summary>The evaluation report on the search's validation predictions, when it kept them.</summary>
    public static EvaluationReport? ValidationReport(ExperimentResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ValidationPredictions is { Rows: > 0 } validation
            ? EvaluationReportBuilder.Build(validation, EvaluationSource.Validation,
                $"validation predictions of the winning configuration from models that did not train on those rows: {result.Validation}", now)
            : null;
    }

    /// <summary>For a search that ran in this process.</summary>
    public Task WriteAsync(ModelVersion version, ModelManifest manifest, ExperimentResult result, LoadedTable training, TimeSpan budget,
        CancellationToken cancellationToken) =>
        WriteAsync(version, manifest, ValidationReport(result, time.GetUtcNow()), result.Model, result.Labels, result.Metric, training, budget,
            cancellationToken);

    /// <summary>For a part of a fanned-out search that ran on another worker: the model is read back from its stored package.</summary>
    public async Task WriteAsync(ModelVersion version, JobPartOutcome outcome, LoadedTable training, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        try
        {
            var model = await models.ReadAsync(version, new MLContext(), cancellationToken).ConfigureAwait(false);
            await WriteAsync(version, model.Manifest, outcome.Report, model.Transformer, new LabelEncoding(outcome.Task, outcome.Classes), outcome.Metric,
                training, budget, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogInsightFailed(ex, version.ModelName, version.Version);
        }
    }

    /// <summary>For any model: <paramref name="model"/> takes raw rows, <paramref name="report"/> was built where it was searched.</summary>
    private async Task WriteAsync(ModelVersion version, ModelManifest manifest, EvaluationReport? report, ITransformer model, LabelEncoding labels,
        MetricKind metric, LoadedTable training, TimeSpan budget, CancellationToken cancellationToken)
    {
        try
        {
            if (report is not null)
            {
                await store.SaveReportAsync(version.TenantId, version.ModelName, version.Version, report, cancellationToken).ConfigureAwait(false);
            }

            var share = options.Value.ImportanceBudgetShare;
            if (share <= 0)
            {
                return;
            }

            var allowed = TimeSpan.FromTicks(Math.Max((budget * share).Ticks, options.Value.MinimumImportanceTime.Ticks));

            var importance = await Task.Run(() => new PermutationImportance(time).Compute(model, ModelEvaluator.CheckedLabelledRows(manifest, training),
                manifest.Label, labels, manifest.Inputs.Select(i => i.Name).ToArray(), metric,
                "the job's training rows: how much the model relies on each column", new PermutationImportanceOptions(), allowed, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (importance is null)
            {
                LogImportanceSkipped(version.ModelName, version.Version, allowed);
                return;
            }

            await store.SaveImportanceAsync(version.TenantId, version.ModelName, version.Version, importance, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogInsightFailed(ex, version.ModelName, version.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelName} version {Version}: importance skipped, {Allowed} is too short for one repeat")]
    private partial void LogImportanceSkipped(string modelName, int version, TimeSpan allowed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelName} version {Version} is registered without its full insight")]
    private partial void LogInsightFailed(Exception exception, string modelName, int version);
}
