using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Jobs.Tests;

/// <summary>Real stores and the job services over a temporary directory, with a recording queue instead of Hangfire.</summary>
internal static class JobsHost
{
    public static Task<PlatformStores> StartAsync(RecordingJobQueue queue, TimeProvider? time = null, Dictionary<string, string?>? settings = null) =>
        PlatformStores.StartAsync(configure: services =>
        {
            services.AddPlatformJobs();
            services.AddSingleton<IJobQueue>(queue);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        }, settings: settings);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
}
