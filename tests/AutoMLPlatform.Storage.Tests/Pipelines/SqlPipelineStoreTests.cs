using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Pipelines;

namespace AutoMLPlatform.Storage.Tests.Pipelines;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlPipelineStoreTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    [Test]
    public async Task A_pipeline_reads_back_as_it_was_stored()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        var definition = Definition("nightly");

        await store.TryCreateAsync(TenantId.Default, definition, Pipeline.ApiSource, CancellationToken.None);
        var found = await store.FindAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.Definition, Is.EqualTo(definition));
            Assert.That(found.Source, Is.EqualTo("api"));
        });
    }

    [Test]
    public async Task Creating_a_pipeline_whose_name_is_taken_stores_nothing()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        await store.TryCreateAsync(TenantId.Default, Definition("nightly"), Pipeline.ApiSource, CancellationToken.None);

        var created = await store.TryCreateAsync(TenantId.Default, Definition("nightly") with { Label = "other" }, Pipeline.ApiSource, CancellationToken.None);
        var found = await store.FindAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.False);
            Assert.That(found!.Definition.Label, Is.EqualTo("y"));
        });
    }

    [Test]
    public async Task Replacing_a_pipeline_that_does_not_exist_stores_nothing()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);

        var replaced = await store.TryReplaceAsync(TenantId.Default, Definition("nightly"), Pipeline.ApiSource, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(replaced, Is.False);
            Assert.That(await store.ListAllAsync(CancellationToken.None), Is.Empty);
        });
    }

    [Test]
    public async Task Upserting_a_file_definition_creates_then_replaces_it()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);

        await store.UpsertAsync(TenantId.Default, Definition("nightly"), Pipeline.FileSource("nightly.json"), CancellationToken.None);
        await store.UpsertAsync(TenantId.Default, Definition("nightly") with { Alias = "staging" }, Pipeline.FileSource("nightly.json"), CancellationToken.None);
        var all = await store.ListAllAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(1));
            Assert.That(all[0].Definition.Alias, Is.EqualTo("staging"));
            Assert.That(all[0].Source, Is.EqualTo("file:nightly.json"));
        });
    }

    [Test]
    public async Task A_pipeline_gets_no_second_run_while_one_is_active()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        var first = NewRun("nightly");
        await store.TryCreateRunAsync(first, CancellationToken.None);

        var second = await store.TryCreateRunAsync(NewRun("nightly"), CancellationToken.None);
        var active = await store.FindActiveRunAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.False);
            Assert.That(active!.Id, Is.EqualTo(first.Id));
        });
    }

    [Test]
    public async Task Of_many_concurrent_triggers_exactly_one_creates_a_run()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.TryCreateRunAsync(NewRun("nightly"), CancellationToken.None))));

        Assert.That(results.Count(created => created), Is.EqualTo(1));
    }

    [Test]
    public async Task A_finished_run_makes_room_for_the_next_one()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        var first = NewRun("nightly");
        await store.TryCreateRunAsync(first, CancellationToken.None);
        var running = first.Start(Now);
        await store.TryUpdateRunAsync(running, PipelineRunStatus.Queued, 0, CancellationToken.None);
        await store.TryUpdateRunAsync(running.Fail(Now), PipelineRunStatus.Running, 1, CancellationToken.None);

        var next = await store.TryCreateRunAsync(NewRun("nightly"), CancellationToken.None);

        Assert.That(next, Is.True);
    }

    [Test]
    public async Task Runs_of_different_pipelines_do_not_block_each_other()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        await store.TryCreateRunAsync(NewRun("nightly"), CancellationToken.None);

        var other = await store.TryCreateRunAsync(NewRun("weekly"), CancellationToken.None);

        Assert.That(other, Is.True);
    }

    [Test]
    public async Task Only_one_of_two_claims_on_a_queued_run_wins()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        var run = NewRun("nightly");
        await store.TryCreateRunAsync(run, CancellationToken.None);

        var first = await store.TryUpdateRunAsync(run.Start(Now), PipelineRunStatus.Queued, 0, CancellationToken.None);
        var second = await store.TryUpdateRunAsync(run.Start(Now), PipelineRunStatus.Queued, 0, CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task A_decided_run_reads_back_with_its_decision_and_jobs()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        var run = NewRun("nightly");
        await store.TryCreateRunAsync(run, CancellationToken.None);
        var job = JobId.New();
        var decision = new PromotionDecision(PromotionOutcome.Promoted, "better", "m", "production", MetricKind.Auc, 2, 40,
            new ScoredVersion(3, 0.9, 2), new ScoredVersion(2, 0.8, 1), 0.1, 0.01, ImprovementKind.Absolute);
        var done = run.Start(Now).WithJob(job, DatasetId.New(), 2).Succeed(Now, decision);

        await store.TryUpdateRunAsync(done, PipelineRunStatus.Queued, 0, CancellationToken.None);
        var found = await store.FindRunAsync(TenantId.Default, run.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found!.Status, Is.EqualTo(PipelineRunStatus.Succeeded));
            Assert.That(found.Decision, Is.EqualTo(decision));
            Assert.That(found.JobIds, Is.EqualTo(new[] { job }));
            Assert.That(found.DatasetVersion, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Runs_are_listed_newest_first()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        var older = NewRun("nightly", Now);
        await store.TryCreateRunAsync(older, CancellationToken.None);
        await store.TryUpdateRunAsync(older.Start(Now).Fail(Now), PipelineRunStatus.Queued, 0, CancellationToken.None);
        var newer = NewRun("nightly", Now.AddMinutes(1));
        await store.TryCreateRunAsync(newer, CancellationToken.None);

        var runs = await store.ListRunsAsync(TenantId.Default, "nightly", 0, 10, CancellationToken.None);

        Assert.That(runs.Select(r => r.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
    }

    [Test]
    public async Task A_pipeline_with_an_active_run_is_not_deleted()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        await store.TryCreateAsync(TenantId.Default, Definition("nightly"), Pipeline.ApiSource, CancellationToken.None);
        await store.TryCreateRunAsync(NewRun("nightly"), CancellationToken.None);

        var deletion = await store.DeleteAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(deletion, Is.EqualTo(PipelineDeletion.RunInProgress));
            Assert.That(await store.FindAsync(TenantId.Default, "nightly", CancellationToken.None), Is.Not.Null);
        });
    }

    [Test]
    public async Task Deleting_a_pipeline_deletes_its_finished_runs()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlPipelineStore(fixture.Database, TimeProvider.System);
        await store.TryCreateAsync(TenantId.Default, Definition("nightly"), Pipeline.ApiSource, CancellationToken.None);
        var run = NewRun("nightly");
        await store.TryCreateRunAsync(run, CancellationToken.None);
        await store.TryUpdateRunAsync(run.Start(Now).Fail(Now), PipelineRunStatus.Queued, 0, CancellationToken.None);

        var deletion = await store.DeleteAsync(TenantId.Default, "nightly", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(deletion, Is.EqualTo(PipelineDeletion.Deleted));
            Assert.That(await store.ListRunsAsync(TenantId.Default, "nightly", 0, 10, CancellationToken.None), Is.Empty);
        });
    }

    internal static PipelineDefinition Definition(string name) => new(name, "data", "y", TaskKind.Binary, MetricKind.Auc, TimeSpan.FromSeconds(5), 1,
        "model", "production", new PipelineSchedule("0 3 * * *", "Europe/Berlin"),
        new PromotionPolicy(0.01, ImprovementKind.Absolute, 0.2, 1, TimeSpan.Zero), 1);

    private static PipelineRun NewRun(string pipeline, DateTimeOffset? at = null) =>
        PipelineRun.Create(TenantId.Default, Definition(pipeline), RunTrigger.Manual, at ?? Now);
}
