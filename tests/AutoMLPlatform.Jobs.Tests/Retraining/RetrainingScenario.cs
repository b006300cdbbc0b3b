using System.Globalization;
using System.Text;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Retraining;

/// <summary>Job services over real stores with a pipeline 'nightly' over dataset 'rule', and helpers to run it directly (no clock).</summary>
internal sealed class RetrainingScenario(PlatformStores stores) : IAsyncDisposable
{
    public PlatformStores Stores { get; } = stores;

    public IPipelineStore Pipelines => Stores.Services.GetRequiredService<IPipelineStore>();

    public static async Task<RetrainingScenario> StartAsync(string csv, PromotionDocument? promotion = null, TimeProvider? time = null,
        Dictionary<string, string?>? settings = null, RecordingPipelineRunQueue? runs = null, Action<IServiceCollection>? configure = null)
    {
        var stores = await JobsHost.StartAsync(new RecordingJobQueue(), time, settings, runs, configure: configure);
        await stores.AddDatasetAsync("rule", csv);
        await stores.Services.GetRequiredService<PipelineCatalog>().CreateAsync(TenantId.Default, new PipelineDocument("nightly", "rule", "y", "binary", "auc",
            TimeBudgetSeconds: 10, MaxTrials: 1, ModelName: "rule", Schedule: new ScheduleDocument("0 3 * * *", "UTC"),
            Promotion: promotion ?? new PromotionDocument(MinImprovement: 0.01, Retries: 0, RetryDelaySeconds: 0)), CancellationToken.None);
        return new RetrainingScenario(stores);
    }

    /// <summary>A table like <see cref="TestTables.BinaryCsv"/> whose labels are coin flips: nothing to learn.</summary>
    public static string NoiseCsv(int rows, int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x1,x2,color,y\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() * 2 - 1:F4},{random.NextDouble() * 2 - 1:F4},red,{(random.Next(2) == 0 ? "yes" : "no")}\n");
        }

        return text.ToString();
    }

    /// <summary>Triggers a run and runs it here, to its end, as the schedule or a manual trigger would.</summary>
    public async Task<PipelineRun> RunAsync()
    {
        var run = await Stores.Services.GetRequiredService<PipelineTrigger>().StartAsync(TenantId.Default, "nightly", RunTrigger.Manual, CancellationToken.None);
        await Stores.Services.GetRequiredService<IPipelineRunner>().RunAsync(run.Id, CancellationToken.None);
        return await FindAsync(run.Id);
    }

    public async Task<PipelineRun> FindAsync(PipelineRunId id) =>
        await Pipelines.FindRunAnyAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"Run {id} is gone.");

    public Task<ModelVersion?> ProductionAsync() =>
        Stores.Registry.ResolveAliasAsync(TenantId.Default, "rule", ModelAliases.Production, CancellationToken.None);

    public ValueTask DisposeAsync() => Stores.DisposeAsync();
}
