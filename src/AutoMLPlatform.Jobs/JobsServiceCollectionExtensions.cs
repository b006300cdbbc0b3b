using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Queueing;
using AutoMLPlatform.Jobs.Recovery;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs;

/// <summary>
/// Registers the job classes, the queue, recovery and retraining pipelines. Hangfire itself (storage, server) is
/// configured by the host; the Hangfire-backed queues and scheduler need its <c>IBackgroundJobClient</c>,
/// <c>IRecurringJobManager</c> and <c>JobStorage</c>.
/// </summary>
public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IJobQueue, HangfireJobQueue>();
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<ITrainingRunner, TrainingRunner>();
        services.AddTransient<TrainModelJob>();
        services.AddHostedService<JobRecoveryService>();
        return services.AddRetrainingPipelines();
    }

    private static IServiceCollection AddRetrainingPipelines(this IServiceCollection services)
    {
        services.AddOptions<PipelinesOptions>()
            .BindConfiguration(PipelinesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PipelineValidator>();
        services.AddSingleton<PipelineCatalog>();
        services.AddSingleton<PipelineFileLoader>();
        services.AddSingleton<IPipelineScheduler, HangfirePipelineScheduler>();
        services.AddSingleton<IPipelineRunQueue, HangfirePipelineRunQueue>();
        services.AddSingleton<PipelineTrigger>();
        services.AddSingleton<ChallengerTraining>();
        services.AddSingleton<HoldoutScorer>();
        services.AddSingleton<ChampionChallenger>();
        services.AddSingleton<IPipelineRunner, PipelineRunner>();
        services.AddTransient<PipelineScheduleJob>();
        services.AddTransient<PipelineRunJob>();
        services.AddHostedService<PipelineStartup>();
        services.AddHostedService<PipelineRecoveryService>();
        return services;
    }
}
