using System.Diagnostics;
using System.Globalization;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>Prints the plan and one line per trial to stderr, so stdout carries only the final JSON.</summary>
internal sealed class ProgressWriter(TextWriter stderr) : IExperimentMonitor
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private MetricKind _metric;

    public async Task OnPlannedAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _metric = plan.Metric;
        await stderr.WriteLineAsync($"task {TaskKindNames.NameOf(plan.Task)} ({plan.TaskReason}); optimising {Metrics.NameOf(plan.Metric)}; {plan.Validation}").ConfigureAwait(false);
        foreach (var column in plan.Columns)
        {
            await stderr.WriteLineAsync($"  column {column.Name}: {column.Role.ToString().ToLowerInvariant()} - {column.Reason}").ConfigureAwait(false);
        }
    }

    private static string Settings(TrialResult trial) =>
        string.Join(", ", trial.Hyperparameters.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));

    public Task OnTrialCompletedAsync(TrialResult trial, TrialResult? best, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var name = Metrics.NameOf(_metric);
        var outcome = trial.Succeeded ? string.Create(CultureInfo.InvariantCulture, $"{name}={trial.Score:F4}") : trial.Error;
        var leader = best is null ? "" : string.Create(CultureInfo.InvariantCulture, $" | best {best.Score:F4} #{best.Number} {best.Trainer}");
        return stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{_clock.Elapsed.TotalSeconds,6:F1}s] #{trial.Number} {trial.Trainer} {outcome} ({trial.Duration.TotalSeconds:F2}s){leader} {{{Settings(trial)}}}{(trial.Selection is { } why ? $" <- {why}" : "")}"));
    }
}
