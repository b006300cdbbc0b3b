using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Queueing;
using AutoMLPlatform.Jobs.Recovery;
using AutoMLPlatform.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs;

/// <summary>Registers the job classes, the queue and recovery. Hangfire itself (storage, server) is configured by the host.</summary>
public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IJobQueue, HangfireJobQueue>();
        services.AddSingleton<ModelArtifacts>();
        services.AddSingleton<TorchJobTrainer>();
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<ITrainingRunner, TrainingRunner>();
        services.AddTransient<TrainModelJob>();
        services.AddHostedService<JobRecoveryService>();
        return services;
    }
}
