using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.Jobs.Retraining;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Tests.Retraining;

[Category("Slow")]
public class PipelineRunnerTests
{
    /// <summary>For tests that move a fake clock: no recovery sweep may fire and take the run away meanwhile.</summary>
    private static readonly Dictionary<string, string?> QuietRecovery = new()
    {
        ["AutoMLPlatform:Jobs:LeaseTimeout"] = "01:00:00",
        ["AutoMLPlatform:Jobs:RecoverySweepInterval"] = "01:00:00",
    };

    [Test]
    public async Task A_scheduled_run_with_no_champion_makes_its_challenger_the_champion()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300));

        await scenario.Stores.Services.GetRequiredService<PipelineScheduleJob>().TriggerAsync(TenantId.Default.Value, "nightly", CancellationToken.None);
        var run = (await scenario.Pipelines.ListRunsAsync(TenantId.Default, "nightly", 0, 10, CancellationToken.None)).Single();
        var production = await scenario.ProductionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(PipelineRunStatus.Succeeded));
            Assert.That(run.Trigger, Is.EqualTo(RunTrigger.Schedule));
            Assert.That(run.Decision!.Outcome, Is.EqualTo(PromotionOutcome.FirstChampion));
            Assert.That(run.Decision.Challenger.Score, Is.GreaterThan(0.8));
            Assert.That(run.Decision.HoldoutRows, Is.EqualTo(60));
            Assert.That(production!.Version, Is.EqualTo(run.Decision.Challenger.Version));
        });
    }

    [Test]
    public async Task The_training_job_of_a_run_is_an_ordinary_job_that_leaves_out_the_held_out_rows()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300));

        var run = await scenario.RunAsync();
        var job = await scenario.Stores.Jobs.FindAsync(TenantId.Default, run.JobIds.Single(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(job!.Status, Is.EqualTo(JobStatus.Succeeded));
            Assert.That(job.Spec.Holdout, Is.EqualTo(new HoldoutSpec(0.2, 1)));
            Assert.That(job.Progress.Validation, Does.Contain("on 240 rows"), "the engine validates on 300 rows less the 60 held out");
        });
    }

    [Test]
    public async Task A_challenger_trained_on_better_data_is_promoted_and_the_decision_records_both_scores()
    {
        await using var scenario = await RetrainingScenario.StartAsync(RetrainingScenario.NoiseCsv(300));
        var first = await scenario.RunAsync();
        await scenario.Stores.AddDatasetAsync("rule", TestTables.BinaryCsv(300));

        var second = await scenario.RunAsync();
        var production = await scenario.ProductionAsync();
        var audited = await scenario.Stores.Services.GetRequiredService<IAuditLog>().ListAsync(TenantId.Default, 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(audited.Select(e => (e.Record.Action, e.Record.KeyId, e.Record.Target, e.Record.Outcome)), Is.EqualTo(new[]
            {
                ("model.promote", (Core.Security.ApiKeyId?)null,
                    $"name=rule alias=production version={second.Decision!.Challenger.Version} pipeline=nightly run={second.Id}", "success"),
            }), "the pipeline's promotion is audited; the first version took the alias on registration, which is not a promotion");
            Assert.That(second.Decision!.Outcome, Is.EqualTo(PromotionOutcome.Promoted), second.Decision.Reason);
            Assert.That(second.Decision.Champion!.Version, Is.EqualTo(first.Decision!.Challenger.Version));
            Assert.That(second.Decision.Challenger.Score, Is.GreaterThan(second.Decision.Champion.Score!.Value + 0.2));
            Assert.That(second.Decision.Improvement, Is.EqualTo(second.Decision.Challenger.Score - second.Decision.Champion.Score).Within(1e-9));
            Assert.That(second.Decision.DatasetVersion, Is.EqualTo(2));
            Assert.That(production!.Version, Is.EqualTo(second.Decision.Challenger.Version));
        });
    }

    [Test]
    public async Task A_run_cancelled_while_it_is_judged_ends_cancelled_and_leaves_the_alias_where_it_was()
    {
        var (armed, cancelled) = (false, false);
        var settings = new Dictionary<string, string?>(QuietRecovery) { ["AutoMLPlatform:Jobs:HeartbeatInterval"] = "00:01:00" };
        await using var scenario = await RetrainingScenario.StartAsync(RetrainingScenario.NoiseCsv(300), settings: settings,
            configure: services => RegistryTap.Install(services, nameof(Core.Registry.IModelRegistry.ResolveAliasAsync), async sp =>
            {
                // The second run looks up the champion: it is judging. Its heartbeat would notice a cancel a minute later.
                var active = await sp.GetRequiredService<IPipelineStore>().FindActiveRunAsync(TenantId.Default, "nightly", CancellationToken.None);
                if (armed && !cancelled && active is not null)
                {
                    cancelled = true;
                    await sp.GetRequiredService<PipelineRunCanceller>().CancelAsync(TenantId.Default, "nightly", active.Id.ToString(), CancellationToken.None);
                }
            }));
        var first = await scenario.RunAsync();
        await scenario.Stores.AddDatasetAsync("rule", TestTables.BinaryCsv(300));
        armed = true;

        var second = await scenario.RunAsync();
        var production = await scenario.ProductionAsync();
        var audited = await scenario.Stores.Services.GetRequiredService<IAuditLog>().ListAsync(TenantId.Default, 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(cancelled, Is.True, "the cancel was made while the second run was active");
            Assert.That(second.Status, Is.EqualTo(PipelineRunStatus.Cancelled));
            Assert.That(second.Decision, Is.Null);
            Assert.That(production!.Version, Is.EqualTo(first.Decision!.Challenger.Version), "the better challenger was not promoted");
            Assert.That(audited.Select(e => e.Record.Action), Does.Not.Contain("model.promote"));
        });
    }

    [Test]
    public async Task A_challenger_that_does_not_win_by_the_margin_leaves_the_champion_and_stays_registered_without_the_alias()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300));
        var first = await scenario.RunAsync();

        var second = await scenario.RunAsync();
        var production = await scenario.ProductionAsync();
        var loser = await scenario.Stores.Registry.FindVersionAsync(TenantId.Default, "rule", second.Decision!.Challenger.Version, CancellationToken.None);
        var model = await scenario.Stores.Registry.FindModelAsync(TenantId.Default, "rule", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.Decision.Outcome, Is.EqualTo(PromotionOutcome.NotBetter), second.Decision.Reason);
            Assert.That(second.Decision.Improvement, Is.LessThan(0.01));
            Assert.That(production!.Version, Is.EqualTo(first.Decision!.Challenger.Version));
            Assert.That(loser, Is.Not.Null);
            Assert.That(model!.Aliases.Values, Does.Not.Contain(second.Decision.Challenger.Version));
        });
    }

    [Test]
    public async Task A_champion_that_cannot_read_the_new_columns_is_kept_and_the_reason_is_recorded()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300));
        var first = await scenario.RunAsync();
        await scenario.Stores.AddDatasetAsync("rule", TestTables.BinaryCsv(300).Replace("x1,x2,color,y", "x1,x3,color,y"));

        var second = await scenario.RunAsync();
        var production = await scenario.ProductionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Decision!.Outcome, Is.EqualTo(PromotionOutcome.ChampionNotComparable));
            Assert.That(second.Decision.Reason, Does.Contain("'x2' is missing"));
            Assert.That(production!.Version, Is.EqualTo(first.Decision!.Challenger.Version));
        });
    }

    [Test]
    public async Task A_run_that_keeps_failing_is_tried_as_often_as_the_policy_allows_and_leaves_the_champion()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300), new PromotionDocument(Retries: 1, RetryDelaySeconds: 0));
        var first = await scenario.RunAsync();
        await scenario.Stores.AddDatasetAsync("rule", TestTables.BinaryCsv(300).Replace("x1,x2,color,y", "x1,x2,color,label"));
        var run = await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().StartAsync(TenantId.Default, "nightly", RunTrigger.Manual, CancellationToken.None);

        Assert.ThrowsAsync<Core.Common.InvalidInputException>(() => scenario.Stores.Services.GetRequiredService<IPipelineRunner>().RunAsync(run.Id, CancellationToken.None));
        var failed = await scenario.FindAsync(run.Id);
        var production = await scenario.ProductionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo(PipelineRunStatus.Failed));
            Assert.That(failed.Failures, Is.EqualTo(2));
            Assert.That(failed.JobIds, Has.Count.EqualTo(2));
            Assert.That(failed.Error, Does.Contain("'y'"));
            Assert.That(failed.Decision, Is.Null);
            Assert.That(production!.Version, Is.EqualTo(first.Decision!.Challenger.Version));
        });
    }

    [Test]
    public async Task A_failing_run_logs_one_line_with_the_reason_per_try_and_per_job_and_no_stack_trace()
    {
        var logs = new RecordingLoggerProvider();
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300), new PromotionDocument(Retries: 1, RetryDelaySeconds: 0),
            configure: services => services.AddSingleton<ILoggerProvider>(logs));
        await scenario.Stores.AddDatasetAsync("rule", TestTables.BinaryCsv(300).Replace("x1,x2,color,y", "x1,x2,color,label"));
        var run = await scenario.Stores.Services.GetRequiredService<PipelineTrigger>().StartAsync(TenantId.Default, "nightly", RunTrigger.Manual, CancellationToken.None);

        Assert.ThrowsAsync<Core.Common.InvalidInputException>(() => scenario.Stores.Services.GetRequiredService<IPipelineRunner>().RunAsync(run.Id, CancellationToken.None));
        var failures = logs.Entries.Where(e => e.Level >= LogLevel.Warning).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(failures.Where(e => e.Exception is not null).Select(e => e.Message), Is.Empty, "entries with a stack trace");
            Assert.That(failures.Where(e => e.Category.EndsWith("TrainingRunner", StringComparison.Ordinal)).Select(e => e.Message).ToArray(),
                Has.Length.EqualTo(2).And.All.Contain("'y'"), "one line per failed job");
            Assert.That(failures.Where(e => e.Category.EndsWith("PipelineRunner", StringComparison.Ordinal)).Select(e => e.Message).ToArray(),
                Has.Length.EqualTo(2).And.All.Contain("'y'"), "one line per failed try");
        });
    }

    [Test]
    public async Task A_try_that_fails_once_is_retried_after_the_policy_delay_and_the_retry_decides()
    {
        var clock = JobsHost.Clock();
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300), new PromotionDocument(Retries: 2, RetryDelaySeconds: 600), clock,
            QuietRecovery);
        var blob = DatasetBlobPath(scenario, (await scenario.Stores.Datasets.FindByNameAsync(TenantId.Default, "rule", CancellationToken.None))!.Latest.Sha256);
        File.Move(blob, blob + ".away");

        var running = scenario.RunAsync();
        var afterFirstTry = await WaitForAsync(scenario, r => r.Failures == 1);
        File.Move(blob + ".away", blob);
        clock.Advance(TimeSpan.FromSeconds(600));
        var run = await running;

        Assert.Multiple(() =>
        {
            Assert.That(afterFirstTry.Error, Does.Contain("missing from storage"));
            Assert.That(run.Status, Is.EqualTo(PipelineRunStatus.Succeeded));
            Assert.That(run.Failures, Is.EqualTo(1));
            Assert.That(run.JobIds, Has.Count.EqualTo(2));
            Assert.That(run.Decision!.Outcome, Is.EqualTo(PromotionOutcome.FirstChampion));
        });
    }

    [Test]
    public async Task A_run_resumed_after_a_restart_carries_on_with_the_job_it_had_started()
    {
        await using var scenario = await RetrainingScenario.StartAsync(TestTables.BinaryCsv(300));
        var first = await scenario.RunAsync();
        var pipeline = await scenario.Pipelines.FindAsync(TenantId.Default, "nightly", CancellationToken.None);
        var resumed = PipelineRun.Create(TenantId.Default, pipeline!.Definition, RunTrigger.Manual, DateTimeOffset.UtcNow)
            .WithJob(first.JobIds[0], first.DatasetId!.Value, first.DatasetVersion!.Value);
        await scenario.Pipelines.TryCreateRunAsync(resumed, CancellationToken.None);

        await scenario.Stores.Services.GetRequiredService<IPipelineRunner>().RunAsync(resumed.Id, CancellationToken.None);
        var done = await scenario.FindAsync(resumed.Id);
        var jobs = await scenario.Stores.Jobs.ListAsync(TenantId.Default, 0, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(done.Status, Is.EqualTo(PipelineRunStatus.Succeeded));
            Assert.That(done.JobIds, Is.EqualTo(first.JobIds));
            Assert.That(jobs, Has.Count.EqualTo(1));
        });
    }

    private static string DatasetBlobPath(RetrainingScenario scenario, string sha256) =>
        Path.Combine(scenario.Stores.DataDirectory, "blobs", TenantId.Default.ToString(), "dataset", sha256[..2], sha256);

    /// <summary>Polls the pipeline's only run until it matches, bounded: the run goes on in the background.</summary>
    private static async Task<PipelineRun> WaitForAsync(RetrainingScenario scenario, Func<PipelineRun, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var runs = await scenario.Pipelines.ListRunsAsync(TenantId.Default, "nightly", 0, 1, timeout.Token);
            if (runs.Count == 1 && condition(runs[0]))
            {
                return runs[0];
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
