using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Jobs;
using Spectre.Console;

namespace AutoMLPlatform.Cli.Jobs;

/// <summary>
/// Follows a job until it ends: a live display on a terminal, plain lines otherwise (or with <c>--plain</c>). Exit code
/// 0 when it succeeded, 1 when it failed or was cancelled. Stopping the watch (Ctrl+C) leaves the job running.
/// </summary>
internal static class JobWatcher
{
    public static async Task<int> WatchAsync(CliContext context, AutoMLPlatformClient client, JobId id, bool plain, CancellationToken cancellationToken)
    {
        var last = context.IsTerminal && !plain
            ? await LiveAsync(context, client, id, cancellationToken).ConfigureAwait(false)
            : await PlainAsync(context, client, id, cancellationToken).ConfigureAwait(false);
        await context.Out.WriteLineAsync(JobView.Outcome(last)).ConfigureAwait(false);
        return last.Status == JobStatus.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<Job> LiveAsync(CliContext context, AutoMLPlatformClient client, JobId id, CancellationToken cancellationToken)
    {
        var first = await client.Jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var last = first;
        await context.Console().Live(JobView.Render(first)).AutoClear(false).StartAsync(async live =>
        {
            await foreach (var job in client.Jobs.WatchAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                last = job;
                live.UpdateTarget(JobView.Render(job));
                live.Refresh();
            }
        }).ConfigureAwait(false);
        return last;
    }

    private static async Task<Job> PlainAsync(CliContext context, AutoMLPlatformClient client, JobId id, CancellationToken cancellationToken)
    {
        Job? last = null;
        string? shown = null;
        await foreach (var job in client.Jobs.WatchAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            last = job;
            if (JobView.Key(job) != shown)
            {
                shown = JobView.Key(job);
                await context.Out.WriteLineAsync(JobView.Line(job)).ConfigureAwait(false);
            }
        }

        return last ?? throw new InvalidOperationException("The job's state could not be read.");
    }
}
