using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.Jobs.Tests.FanOut;
using AutoMLPlatform.TestSupport;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Jobs.Tests;

/// <summary>
/// Real stores and the job services over a temporary directory, with recording queues instead of Hangfire's
/// workers; recurring schedules go to a real in-memory Hangfire storage that tests can inspect.
/// </summary>
internal static class JobsHost
{
    public static Task<PlatformStores> StartAsync(RecordingJobQueue queue, TimeProvider? time = null, Dictionary<string, string?>? settings = null,
        RecordingPipelineRunQueue? runs = null, string? dataDirectory = null, Action<IServiceCollection>? configure = null) =>
        PlatformStores.StartAsync(dataDirectory, services =>
        {
            AddJobServices(services, queue, runs ?? new RecordingPipelineRunQueue());
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            configure?.Invoke(services);
        }, WithoutPipelineFiles(settings));

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private static void AddJobServices(IServiceCollection services, RecordingJobQueue queue, RecordingPipelineRunQueue runs)
    {
        services.AddPlatformJobs();
        services.AddSingleton<IJobQueue>(queue);
        services.AddSingleton<IJobPartQueue>(new InProcessPartQueue { Drop = true });
        services.AddSingleton<IPipelineRunQueue>(runs);
        services.AddSingleton<JobStorage>(new InMemoryStorage());
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
    }

    /// <summary>Unless a test names a pipelines directory, none: the repository's examples must not leak into tests.</summary>
    private static Dictionary<string, string?> WithoutPipelineFiles(Dictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? []);
        all.TryAdd("AutoMLPlatform:Pipelines:Directory", Path.Combine(Path.GetTempPath(), "amlp-no-pipelines-" + Guid.NewGuid().ToString("N")));
        return all;
    }
}
