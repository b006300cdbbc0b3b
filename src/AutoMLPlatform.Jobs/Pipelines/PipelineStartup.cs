using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Pipelines;

/// <summary>
/// At every start, after the migrations: load the pipeline files, then register the recurring trigger of every
/// stored pipeline. The embedded Hangfire storage forgets its recurring jobs on restart; our pipeline rows are the
/// truth, so a restart keeps every schedule.
/// </summary>
internal sealed partial class PipelineStartup(PipelineFileLoader files, IPipelineStore store, IPipelineScheduler scheduler, ILogger<PipelineStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await files.LoadAsync(cancellationToken).ConfigureAwait(false);
        var pipelines = await store.ListAllAsync(cancellationToken).ConfigureAwait(false);
        await scheduler.SynchronizeAsync(pipelines, cancellationToken).ConfigureAwait(false);
        LogScheduled(pipelines.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Count} retraining pipeline(s)")]
    private partial void LogScheduled(int count);
}
