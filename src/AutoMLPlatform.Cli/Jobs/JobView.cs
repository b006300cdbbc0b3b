using System.Globalization;
using System.Text;
using AutoMLPlatform.Client.Jobs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AutoMLPlatform.Cli.Jobs;

/// <summary>How a job's progress is shown: a live panel on a terminal, one plain line per change elsewhere.</summary>
internal static class JobView
{
    /// <summary>Leaderboard rows shown live.</summary>
    public const int TopTrials = 5;

    private const int BarWidth = 30;

    /// <summary>The live panel: status, trials, best score, elapsed against the budget, the leaderboard's top rows.</summary>
    public static IRenderable Render(Job job)
    {
        var metric = job.Metric ?? "score";
        var header = new Markup(Invariant($"[bold]{Markup.Escape(job.ModelName)}[/] · job {job.Id} · [{Colour(job.Status)}]{Name(job.Status)}[/] ({Markup.Escape(job.Progress.Phase)})"));
        var best = job.Progress.BestScore is { } score
            ? Invariant($"best {Markup.Escape(metric)} [bold]{score:0.0000}[/] ({Markup.Escape(job.Progress.BestTrainer ?? "")})")
            : "no trial finished yet";
        var progress = new Markup(Invariant($"trials [bold]{job.Progress.TrialsDone}[/] · {best}"));
        var clock = new Markup(Invariant($"{Bar(job)} {job.Progress.ElapsedSeconds:0.0} s / {job.TimeBudgetSeconds:0} s"));
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "trainer", metric, "seconds");
        foreach (var trial in (job.Leaderboard ?? []).Take(TopTrials))
        {
            table.AddRow(Invariant($"{trial.Number}"), Markup.Escape(trial.Trainer), trial.Score is { } s ? Invariant($"{s:0.0000}") : Markup.Escape(trial.Error ?? "failed"),
                Invariant($"{trial.DurationSeconds:0.00}"));
        }

        return job.Leaderboard is { Count: > 0 } ? new Rows(header, progress, clock, table) : new Rows(header, progress, clock);
    }

    /// <summary>One line of a job's state for a log or a pipe.</summary>
    public static string Line(Job job)
    {
        var best = job.Progress.BestScore is { } score ? Invariant($", best {job.Metric ?? "score"} {score:0.000000} ({job.Progress.BestTrainer})") : "";
        return Invariant($"[{job.Progress.ElapsedSeconds,6:0.0}s/{job.TimeBudgetSeconds:0}s] {Name(job.Status)} {job.Progress.Phase}: {job.Progress.TrialsDone} trials{best}");
    }

    /// <summary>What a finished job came to.</summary>
    public static string Outcome(Job job) => job.Status switch
    {
        JobStatus.Succeeded when job.Model is { } model => Invariant($"job {job.Id} succeeded: model {model.ModelName} version {model.Version}") +
            (job.Progress.BestScore is { } score ? Invariant($" ({job.Progress.BestTrainer}, {job.Metric} {score:0.000000})") : ""),
        JobStatus.Failed => Invariant($"job {job.Id} failed: {job.Error}"),
        _ => Invariant($"job {job.Id} {Name(job.Status)}"),
    };

    /// <summary>What a line shows: a new state, phase, trial count or best score (the elapsed time alone is no news).</summary>
    public static string Key(Job job) => Invariant($"{job.Status}|{job.Progress.Phase}|{job.Progress.TrialsDone}|{job.Progress.BestScore}");

    public static string Name(JobStatus status) => status.ToString().ToLowerInvariant();

    private static string Bar(Job job)
    {
        var share = job.TimeBudgetSeconds > 0 ? Math.Clamp(job.Progress.ElapsedSeconds / job.TimeBudgetSeconds, 0, 1) : 0;
        var filled = job.IsFinished ? BarWidth : (int)Math.Round(share * BarWidth);
        return new StringBuilder("[green]").Append('━', filled).Append("[/][grey]").Append('━', BarWidth - filled).Append("[/]").ToString();
    }

    private static string Colour(JobStatus status) => status switch
    {
        JobStatus.Succeeded => "green",
        JobStatus.Failed => "red",
        JobStatus.Cancelled => "yellow",
        _ => "blue",
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
