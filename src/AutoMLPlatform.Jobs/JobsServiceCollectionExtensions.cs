using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Drift;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Insight.Drift;
using AutoMLPlatform.Jobs.FanOut;
using AutoMLPlatform.Jobs.Leasing;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Queueing;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.Jobs.Searching;
using AutoMLPlatform.Jobs.Tracing;
using AutoMLPlatform.Jobs.Training;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Jobs;

/// <summary>
/// Registers the job classes, the queues, recovery and retraining pipelines. Hangfire itself (storage, server) is
/// configured by the host; the Hangfire-backed queues and scheduler need its <c>IBackgroundJobClient</c>,
/// <c>IRecurringJobManager</c> and <c>JobStorage</c>.
/// </summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers Insight's <see cref="StoredDriftSummaries"/> as what pipelines' drift checks read, for a worker that
    /// scores nothing: every scoring host's stored counts against the version's reference. Its <see cref="DriftOptions"/>
    /// are bound from the scoring hosts' section (<see cref="DriftOptions.SectionName"/>), so one setting turns drift off
    /// everywhere, and no other scoring setting is read. A process that also scores registers the scoring service's
    /// reader instead, which adds its own counts not flushed yet. Needs the stores.
    /// </summary>
    public static IServiceCollection AddStoredDriftSummaries(this IServiceCollection services)
    {
        services.AddOptions<DriftOptions>()
            .BindConfiguration(DriftOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new DriftReferenceBuilder(sp.GetRequiredService<IDatasetStore>(), sp.GetRequiredService<IBlobStore>()));
        services.TryAddSingleton<IDriftSummaries>(sp => new StoredDriftSummaries(sp.GetRequiredService<DriftReferenceBuilder>(),
            sp.GetRequiredService<IDriftStore>(), sp.GetRequiredService<IOptions<DriftOptions>>().Value, sp.GetRequiredService<ILogger<StoredDriftSummaries>>()));
        return services;
    }

    /// <param name="services">The host's services.</param>
    /// <param name="roles">What this process does: submit and schedule (<see cref="JobRoles.Client"/>, the API), execute
    /// and recover (<see cref="JobRoles.Worker"/>), or both (the embedded set-up).</param>
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, JobRoles roles = JobRoles.All)
    {
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PipelinesOptions>()
            .BindConfiguration(PipelinesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Hangfire's client and server take their filters from this service (Hangfire.NetCore registers the global
        // providers only if none is): ours adds the trace context to every job without touching Hangfire's static filters.
        services.AddSingleton<IJobFilterProvider>(new JobFilterProviderCollection(
            JobFilterProviders.Providers, new JobFilterCollection { new TraceContextJobFilter() }));
        services.AddSingleton<HangfireDelivery>();
        services.AddSingleton<HangfirePendingDeliveries>();
        services.AddSingleton<IJobQueue, HangfireJobQueue>();
        services.AddSingleton<IJobPartQueue, HangfireJobPartQueue>();
        services.AddSingleton<IPipelineRunQueue, HangfirePipelineRunQueue>();
        services.AddSingleton<IPipelineScheduler, HangfirePipelineScheduler>();
        services.AddSingleton<PipelineValidator>();
        services.AddSingleton<PipelineCatalog>();
        services.AddSingleton<PipelineTrigger>();
        services.AddSingleton<JobCanceller>();
        services.AddSingleton<PipelineRunCanceller>();
        if (roles.HasFlag(JobRoles.Client))
        {
            // Pipeline files are read, and schedules registered again, by the processes users talk to.
            services.AddSingleton<PipelineFileLoader>();
            services.AddHostedService<PipelineStartup>();
        }

        if (roles.HasFlag(JobRoles.Worker))
        {
            services.AddSingleton<JobRows>();
            services.AddSingleton<IRecoverableRows<TrainingJob>>(sp => sp.GetRequiredService<JobRows>());
            services.AddSingleton<PipelineRunRows>();
            services.AddSingleton<IRecoverableRows<PipelineRun>>(sp => sp.GetRequiredService<PipelineRunRows>());
            services.AddSingleton<JobPartRows>();
            services.AddSingleton<ModelArtifacts>();
            services.AddSingleton<TorchJobTrainer>();
            services.AddSingleton<VersionInsightWriter>();
            services.AddSingleton<TrainingDataLoader>();
            services.AddSingleton<TabularSearch>();
            services.AddSingleton<FanOutSearch>();
            services.AddSingleton<ModelTrainer>();
            services.AddSingleton<IJobPartRunner, PartRunner>();
            services.AddTransient<TrainJobPartJob>();
            services.AddSingleton<ITrainingRunner, TrainingRunner>();
            services.AddTransient<TrainModelJob>();
            services.AddSingleton<ChallengerTraining>();
            services.TryAddSingleton<StoredModelReader>();
            services.AddPretrainedModelParts();
            services.AddSingleton<HoldoutScorer>();
            services.AddSingleton<ChampionChallenger>();
            services.AddSingleton<IPipelineRunner, PipelineRunner>();
            services.AddTransient<PipelineScheduleJob>();
            services.AddTransient<PipelineDriftCheckJob>();
            services.AddTransient<LiveQualityReader>();
            services.AddTransient<PipelineQualityCheckJob>();
            services.AddTransient<PipelineCanaryCheckJob>();
            services.AddTransient<PipelineRunJob>();
            services.AddHostedService<LeaseRecoveryService<TrainingJob>>();
            services.AddHostedService<LeaseRecoveryService<PipelineRun>>();
        }

        return services;
    }
}
