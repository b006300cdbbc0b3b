using System.Diagnostics;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Evaluation;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Runtime;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Experiment;

/// <summary>
/// Searches for the best ML.NET pipeline for a table within a time budget: infers the task and column roles,
/// holds out a validation split, tries trainer candidates, then refits the winner on every row.
/// </summary>
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
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.TimeBudget, TimeSpan.Zero);
        _mlContext = mlContext;
        _settings = settings;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<ExperimentResult> RunAsync(LoadedTable table, DatasetSchema schema, IExperimentMonitor? monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        var started = _time.GetTimestamp();
        var labelProfile = schema.Find(_settings.LabelColumn)
            ?? throw new InvalidInputException("unknown-label", $"The dataset has no column '{_settings.LabelColumn}'.", "label");
        var (task, taskReason) = TaskInference.Resolve(labelProfile, _settings.Task, table.RowCount);
        var metric = _settings.Metric ?? Metrics.DefaultFor(task);
        if (!Metrics.AppliesTo(metric, task))
        {
            throw new InvalidInputException("metric-not-for-task", $"The metric '{Metrics.NameOf(metric)}' does not apply to {TaskKindNames.NameOf(task)} tasks.", "metric");
        }

        var labelled = DropMissingLabels(table);
        var labels = LabelEncodingBuilder.Build(labelled[_settings.LabelColumn], task);
        var decisions = ColumnInference.Decide(schema, _settings.LabelColumn, table.RowCount);
        var used = decisions.Where(d => d.Role is not (ColumnRole.Ignored or ColumnRole.Label)).ToArray();
        var withMissing = schema.Columns.Where(c => c.MissingCount > 0).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var data = labelled.Project(used.Select(d => d.Name).Append(_settings.LabelColumn));

        var (trainRows, validationRows) = DataSplitter.Split(data[_settings.LabelColumn], task, _settings.ValidationFraction, _settings.Seed);
        var train = TabularDataView.WithLabel(data.Select(trainRows), _settings.LabelColumn, labels);
        var validation = TabularDataView.WithLabel(data.Select(validationRows), _settings.LabelColumn, labels);
        var validationText = $"holdout: {trainRows.Length} training rows, {validationRows.Length} validation rows" +
            (task == TaskKind.Regression ? "" : ", stratified by class");

        if (monitor is not null)
        {
            await monitor.OnPlannedAsync(new ExperimentPlan(task, taskReason, metric, decisions, validationText), cancellationToken).ConfigureAwait(false);
        }

        var deadline = started + (long)(_settings.TimeBudget.TotalSeconds * _time.TimestampFrequency);
        var trials = new List<TrialResult>();
        TrialResult? best = null;
        IEstimator<ITransformer>? bestPipeline = null;
        foreach (var candidate in Candidates(task, _settings.Seed))
        {
            if (_settings.MaxTrials is { } max && trials.Count >= max)
            {
                break;
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var trialContext = new MLContext(_settings.Seed + trials.Count);
            var pipeline = FeaturePipelineBuilder.Build(trialContext, used, withMissing, candidate.NeedsNormalization)
                .Append(candidate.CreateTrainer(trialContext, task));
            var trial = RunTrial(trials.Count + 1, candidate, trialContext, pipeline, train, validation, task, metric,
                best is null ? null : remaining, cancellationToken);
            trials.Add(trial);
            if (trial.Succeeded && (best is null || Metrics.IsBetter(metric, trial.Score!.Value, best.Score!.Value)))
            {
                best = trial;
                bestPipeline = FeaturePipelineBuilder.Build(_mlContext, used, withMissing, candidate.NeedsNormalization)
                    .Append(candidate.CreateTrainer(_mlContext, task));
            }

            LogTrial(trial.Number, trial.Trainer, Metrics.NameOf(metric), trial.Score, (long)trial.Duration.TotalMilliseconds);
            if (monitor is not null)
            {
                await monitor.OnTrialCompletedAsync(trial, best, cancellationToken).ConfigureAwait(false);
            }
        }

        if (best is null || bestPipeline is null)
        {
            throw new NoSuccessfulTrialException("No trial finished successfully within the budget; see the trials for their errors.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var all = TabularDataView.WithLabel(data, _settings.LabelColumn, labels);
        var model = Refit(bestPipeline, all, task, cancellationToken);
        var inputSchema = TabularDataView.WithoutLabel(data, _settings.LabelColumn).Schema;
        var inputs = used.Select(d => new ModelInputColumn(d.Name, d.Type, withMissing.Contains(d.Name))).ToArray();
        return new ExperimentResult(task, taskReason, metric, decisions, validationText, best, trials, model, inputSchema, inputs, labels);
    }

    /// <summary>Each trainer with its defaults first, then random LightGbm settings for as long as time allows.</summary>
    private static IEnumerable<TrainerCandidate> Candidates(TaskKind task, int seed)
    {
        TrainerCandidate[] defaults = [new LightGbmCandidate(), new FastTreeCandidate(), new SdcaCandidate()];
        foreach (var candidate in defaults.Where(c => c.Supports(task)))
        {
            yield return candidate;
        }

        var random = new Random(seed);
        while (true)
        {
            yield return LightGbmCandidate.Random(random);
        }
    }

    private LoadedTable DropMissingLabels(LoadedTable table)
    {
        var label = table[_settings.LabelColumn];
        var rows = Enumerable.Range(0, table.RowCount).Where(i => label switch
        {
            NumericColumn n => !float.IsNaN(n.Values[i]),
            StringColumn s => s.Values[i].Length > 0,
            _ => false,
        }).ToArray();
        if (rows.Length < MinRows)
        {
            throw new UnprocessableException("too-few-rows", $"Only {rows.Length} rows have a label; at least {MinRows} are needed.", "label");
        }

        return rows.Length == table.RowCount ? table : table.Select(rows);
    }

    private ITransformer Refit(IEstimator<ITransformer> pipeline, IDataView all, TaskKind task, CancellationToken cancellationToken)
    {
        using var registration = _mlContext.CancelOn(cancellationToken);
        var model = pipeline.Fit(all);
        if (task != TaskKind.Multiclass)
        {
            return model;
        }

        // Multiclass models answer with the class name, not ML.NET's key number.
        var toName = _mlContext.Transforms.Conversion.MapKeyToValue(ReservedColumns.PredictedLabel).Fit(model.Transform(all));
        return model.Append(toName);
    }

    private static TrialResult RunTrial(int number, TrainerCandidate candidate, MLContext trialContext, IEstimator<ITransformer> pipeline,
        IDataView train, IDataView validation, TaskKind task, MetricKind metric, TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeLimit is { } l)
        {
            limit.CancelAfter(l);
        }

        // ML.NET polls its context between iterations: cancelling the context stops a long fit within moments.
        using var registration = trialContext.CancelOn(limit.Token);
        try
        {
            var model = pipeline.Fit(train);
            var metrics = MetricsCalculator.Evaluate(trialContext, model.Transform(validation), task);
            var score = metrics.GetValueOrDefault(Metrics.NameOf(metric), double.NaN);
            return new TrialResult(number, candidate.Name, candidate.Hyperparameters, score, metrics, clock.Elapsed,
                double.IsFinite(score) ? null : $"The trial produced no finite {Metrics.NameOf(metric)}.");
        }
        catch (Exception ex) when (MLContextCancellation.IsCancellation(ex) && !cancellationToken.IsCancellationRequested)
        {
            return new TrialResult(number, candidate.Name, candidate.Hyperparameters, null, new Dictionary<string, double>(), clock.Elapsed,
                "Stopped: it would have overrun the time budget.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            return new TrialResult(number, candidate.Name, candidate.Hyperparameters, null, new Dictionary<string, double>(), clock.Elapsed, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trial {TrialNumber} ({Trainer}) scored {Metric}={Score} in {ElapsedMs} ms")]
    private partial void LogTrial(int trialNumber, string trainer, string metric, double? score, long elapsedMs);
}
