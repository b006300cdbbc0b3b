using AutoMLPlatform.AutoML.Budget;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Finishing;
using AutoMLPlatform.AutoML.Hashing;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Runtime;
using AutoMLPlatform.AutoML.Scores;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>
/// Searches for the best ML.NET pipeline for a table within a time budget: infers the task and column roles,
/// featurizes once, validates trials by k-fold or holdout, tunes trainers with a cost-frugal search, and returns
/// the winner (or an ensemble of the best) refit on every labelled row, all inside the budget. See docs/automl.md.
/// </summary>
/// <example>
/// <code>
/// var experiment = new AutoMLExperiment(mlContext, new ExperimentSettings { LabelColumn = "Status", TimeBudget = TimeSpan.FromSeconds(60) });
/// var result = await experiment.RunAsync(dataView, monitor: null, cancellationToken);
/// var predictions = result.Model.Transform(testView);
/// </code>
/// </example>
public sealed partial class AutoMLExperiment
{
    /// <summary>Fewest labelled rows an experiment accepts.</summary>
    public const int MinRows = 10;

    private readonly MLContext _mlContext;
    private readonly ExperimentSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AutoMLExperiment(MLContext mlContext, ExperimentSettings settings, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        OpenMpWaitPolicy.EnsurePassive();
        _mlContext = mlContext;
        _settings = settings;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the experiment on a table loaded by the platform, with its stored schema.</summary>
    public async Task<ExperimentResult> RunAsync(LoadedTable table, DatasetSchema schema, IExperimentMonitor? monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        var started = _time.GetTimestamp();
        var budget = new SearchBudget(_time, started, _settings.TimeBudget);
        var experiment = ExperimentPreparer.Prepare(table, schema, _settings);
        var hasFeatures = FeaturePipelineBuilder.HasFeatures(experiment.Features);
        var embeddings = hasFeatures ? await EmbeddingPlanner.PlanAsync(experiment, _settings, budget, cancellationToken).ConfigureAwait(false) : EmbeddingPlan.None();
        experiment = EmbeddingPlanner.Annotate(experiment, embeddings.Note);
        LogPlanned(experiment.Task, experiment.Table.RowCount, experiment.Validation.Description, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        if (monitor is not null)
        {
            await monitor.OnPlannedAsync(experiment.Plan, cancellationToken).ConfigureAwait(false);
        }

        var memory = new MemoryGuard(_settings.MemoryLimitBytes ?? MemoryGuard.DefaultLimit());
        FeatureSets? features = null;
        if (hasFeatures)
        {
            (features, var dropped) = await TraceAsync("automl.featurize",
                () => FeatureSetBuilder.BuildAsync(experiment, embeddings, _settings.TextFeatures, _settings.Seed, _time, cancellationToken)).ConfigureAwait(false);
            experiment = EmbeddingPlanner.Annotate(experiment, dropped);
        }

        LogFeaturized(string.Join(", ", features?.Sets.Select(s => $"{s.Label} {s.Data.Dimension}") ?? []), (long)budget.Elapsed.TotalMilliseconds);
        var loop = new SearchLoop(experiment, features, _settings, budget, memory, _time, _logger);
        if (loop.ArmCount == 0)
        {
            throw new UnprocessableException(TrainingErrorCodes.NoUsableColumns, "No column is usable as a feature and no other trainer can learn from these columns; see the column decisions for why.");
        }

        if (features is not null)
        {
            await TraceAsync("automl.warmup", async () =>
            {
                await loop.WarmUpAsync(features, _time, cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            LogWarmedUp((long)budget.Elapsed.TotalMilliseconds);
        }

        await loop.RunAsync(monitor, cancellationToken).ConfigureAwait(false);
        if (loop.Best is null)
        {
            throw new NoSuccessfulTrialException(loop.StopReason is { } reason
                ? $"No trial finished successfully: the search stopped because {reason}."
                : "No trial finished successfully within the budget; see the trials for their errors.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var final = await TraceAsync("automl.finish",
            () => new ModelFinisher(experiment, features, _settings, budget, _time).FinishAsync(loop, cancellationToken)).ConfigureAwait(false);
        var trials = loop.Trials.Select(t => t.ToResult()).ToList();
        if (final.Ensemble is { } ensemble)
        {
            trials.Add(ensemble);
            if (monitor is not null)
            {
                await monitor.OnTrialCompletedAsync(ensemble, ensemble, cancellationToken).ConfigureAwait(false);
            }
        }

        LogFinished(final.Best.Trainer, final.Best.Score, trials.Count, (long)budget.Elapsed.TotalMilliseconds, final.Refit);
        var inputSchema = TabularDataView.WithoutLabel(experiment.Table.Project(final.Inputs.Select(i => i.Name))).Schema;

        // The trials saw hashes; the model returned takes raw rows, as scoring sends them, and hashes them itself.
        var model = KeyedHashing.Wrap(_mlContext, final.Model, final.Inputs, _settings.KeyedHasher);
        return new ExperimentResult(experiment.Task, experiment.Plan.TaskReason, experiment.Metric, experiment.Plan.Columns, experiment.Validation.Description,
            final.Best, trials, model, inputSchema, final.Inputs, experiment.Labels, final.Refit, _settings.Tuner,
            final.ValidationPredictions is { } predicted ? new ScoredRows(experiment.Task, experiment.Labels.Classes, experiment.Truth, predicted) : null);
    }

    /// <summary>
    /// Runs the experiment on any ML.NET data view: numeric and boolean columns are read as numbers, text columns
    /// are profiled like an uploaded file; columns of other types (vectors, keys, dates) are left out with a reason.
    /// The returned model reads the view's own columns (numbers are converted to <c>Single</c> inside it).
    /// </summary>
    public async Task<ExperimentResult> RunAsync(IDataView data, IExperimentMonitor? monitor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var read = DataViewTableReader.Read(data, _settings.LabelColumn, cancellationToken);
        var result = await RunAsync(read.Table, read.Schema, monitor, cancellationToken).ConfigureAwait(false);
        return read.AdaptResult(_mlContext, result);
    }

    /// <summary>Runs one stage of the experiment inside a span of the engine's source, ended however the stage ends.</summary>
    private static async Task<T> TraceAsync<T>(string name, Func<Task<T>> stage)
    {
        using var span = EngineTracing.Source.StartActivity(name);
        try
        {
            return await stage().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment planned: {Task} on {Rows} labelled rows, {Validation} ({ElapsedMs} ms)")]
    private partial void LogPlanned(Core.Modeling.TaskKind task, int rows, string validation, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Featurized ({Dimensions} features) at {ElapsedMs} ms")]
    private partial void LogFeaturized(string dimensions, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trainers warmed up at {ElapsedMs} ms")]
    private partial void LogWarmedUp(long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment finished: best {Trainer} scored {Score} after {Trials} trials in {ElapsedMs} ms; {Refit}")]
    private partial void LogFinished(string trainer, double? score, int trials, long elapsedMs, string refit);
}
