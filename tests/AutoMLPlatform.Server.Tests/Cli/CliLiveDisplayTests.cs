using System.Diagnostics;
using System.Text.RegularExpressions;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.Cli;

/// <summary>
/// <c>automl jobs watch</c> in a real terminal: the built <c>automl</c> runs inside tmux (a pseudo-terminal 150×45) and
/// the test reads the screen as a person would see it while the job trains, then after it ends.
/// </summary>
[Category("Slow")]
public partial class CliLiveDisplayTests
{
    [Test]
    public async Task Watching_a_job_in_a_terminal_shows_a_live_panel_with_trials_best_score_budget_and_leaderboard()
    {
        using var directory = new TempDirectory();
        using var server = await ServerProcess.StartAsync(directory.Path, new Dictionary<string, string>());
        using var api = server.Api();
        var dataset = await api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(400), "rule");
        var job = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 20, modelName = "rule" });
        var jobId = (string)job["id"]!;
        var socket = $"automl-test-{Guid.NewGuid():N}";
        var automl = Path.Combine(AppContext.BaseDirectory, "automl.dll");
        var command = $"dotnet {automl} jobs watch {jobId} --url http://127.0.0.1:{server.Port} --key {PlatformFactory.AdminKey}; echo EXIT=$?; sleep 120";

        try
        {
            await TmuxAsync(socket, "new-session", "-d", "-s", "watch", "-x", "150", "-y", "45", command);
            var running = await ScreenAsync(socket, TimeSpan.FromSeconds(90), s => s.Contains(" running ", StringComparison.Ordinal) && s.Contains("trainer", StringComparison.Ordinal));
            var finished = await ScreenAsync(socket, TimeSpan.FromSeconds(120), s => s.Contains("EXIT=", StringComparison.Ordinal));

            Assert.Multiple(() =>
            {
                Assert.That(running, Does.Contain($"rule · job {jobId} · running"), "the panel's header: model, job, status");
                Assert.That(running, Does.Match(@"trials \d+ · best auc \d\.\d{4} \(\w+\)"), "trials and the best score so far");
                Assert.That(running, Does.Match(@"━+ \d+\.\d s / 20 s"), "elapsed against the budget, with a bar");
                Assert.That(running, Does.Match(@"│ # +│ trainer +│ auc +│ seconds +│"), "the leaderboard's header");
                Assert.That(PlainLine().IsMatch(running), Is.False, "a live panel, not plain lines");
                Assert.That(finished, Does.Contain($"rule · job {jobId} · succeeded"));
                Assert.That(finished, Does.Contain($"job {jobId} succeeded: model rule version 1"));
                Assert.That(finished, Does.Contain("EXIT=0"));
            });
        }
        finally
        {
            await TmuxAsync(socket, "kill-server");
        }
    }

    [GeneratedRegex(@"^\[ *\d+\.\ds/\d+s\] ", RegexOptions.Multiline)]
    private static partial Regex PlainLine();

    /// <summary>The screen, read every half second, the first time <paramref name="until"/> holds.</summary>
    private static async Task<string> ScreenAsync(string socket, TimeSpan limit, Func<string, bool> until)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < limit)
        {
            screen = await TmuxAsync(socket, "capture-pane", "-p", "-t", "watch");
            if (until(screen))
            {
                return screen;
            }

            await Task.Delay(500);
        }

        throw new AssertionException($"The screen did not show what was expected within {limit}:\n{screen}");
    }

    private static async Task<string> TmuxAsync(string socket, params string[] args)
    {
        var start = new ProcessStartInfo("tmux", ["-L", socket, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start; tools/setup.sh installs it.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
