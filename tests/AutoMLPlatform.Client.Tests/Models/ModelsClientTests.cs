using System.Net;
using AutoMLPlatform.Client.Jobs;
using AutoMLPlatform.Client.Models;
using AutoMLPlatform.Client.Predictions;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Client.Tests.Models;

[Category("Slow")]
public class ModelsClientTests
{
    private TrainedModel _trained = null!;
    private AutoMLPlatformClient Client => _trained.Client;

    [OneTimeSetUp]
    public async Task TrainAsync()
    {
        _trained = await TrainedModel.StartAsync();

        // A second version, so that promotion and rollback have somewhere to go.
        await TrainAsync(TrainedModel.Name);
    }

    [OneTimeTearDown]
    public void Stop() => _trained.Dispose();

    private async Task TrainAsync(string model)
    {
        var job = await Client.Jobs.SubmitAsync(new JobRequest(_trained.Dataset.Id, "y") { ModelName = model, TimeBudgetSeconds = 30, MaxTrials = 1, Seed = 2 });
        await foreach (var state in Client.Jobs.WatchAsync(job.Id))
        {
            Assert.That(state.Status, Is.Not.EqualTo(JobStatus.Failed), state.Error);
        }
    }

    [Test]
    public async Task The_registry_lists_the_model_its_versions_and_one_version_with_lineage()
    {
        var models = await Client.Models.ListAsync();
        var model = await Client.Models.GetAsync(TrainedModel.Name);
        var versions = await Client.Models.ListVersionsAsync(TrainedModel.Name);
        var page = await Client.Models.ListVersionsAsync(TrainedModel.Name, offset: 0, limit: 1);
        var version = await Client.Models.GetVersionAsync(TrainedModel.Name, 1);

        Assert.Multiple(() =>
        {
            Assert.That(models.Items.Select(m => m.Name), Does.Contain(TrainedModel.Name));
            Assert.That(model.LatestVersion, Is.EqualTo(2));
            Assert.That(versions.Select(v => v.Version), Is.EqualTo(new[] { 2, 1 }));
            Assert.That(page, Has.Count.EqualTo(1));
            Assert.That(version.Task, Is.EqualTo("binary"));
            Assert.That(version.Classes, Is.EquivalentTo(new[] { "no", "yes" }));
            Assert.That(version.Inputs.Select(i => i.Name), Is.EquivalentTo(new[] { "x1", "x2", "color" }));
            Assert.That(version.Lineage.DatasetId, Is.EqualTo(_trained.Dataset.Id));
            Assert.That(version.Lineage.JobId, Is.EqualTo(_trained.Job.Id));
            Assert.That(version.ArtifactSha256, Has.Length.EqualTo(64));
        });
    }

    [Test]
    public async Task Promoting_moves_an_alias_and_rolling_back_returns_it()
    {
        var promoted = await Client.Models.PromoteAsync(TrainedModel.Name, 2, "canary");
        var again = await Client.Models.PromoteAsync(TrainedModel.Name, 1, "canary");

        var rolledBack = await Client.Models.RollbackAsync(TrainedModel.Name, "canary");
        var model = await Client.Models.GetAsync(TrainedModel.Name);

        Assert.Multiple(() =>
        {
            Assert.That(promoted.PreviousVersion, Is.Null);
            Assert.That(again.PreviousVersion, Is.EqualTo(2));
            Assert.That(rolledBack.Version, Is.EqualTo(2));
            Assert.That(model.Aliases["canary"], Is.EqualTo(2));
        });
    }

    [Test]
    public void Rolling_back_an_alias_that_never_moved_is_a_409_conflict()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(async () =>
        {
            await Client.Models.PromoteAsync(TrainedModel.Name, 1, "fresh");
            await Client.Models.RollbackAsync(TrainedModel.Name, "fresh");
        });

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(error.ErrorCode, Is.EqualTo("nothing-to-roll-back"));
        });
    }

    [Test]
    public async Task A_canary_answers_its_share_by_routing_key_and_is_promoted_or_cleared_in_one_call()
    {
        const string Alias = "rollout";
        await Client.Models.SetSplitAsync(TrainedModel.Name, 1, null, new ShadowTarget(2), Alias);
        var shadowed = await Client.Models.GetAliasAsync(TrainedModel.Name, Alias);
        await Client.Models.SetSplitAsync(TrainedModel.Name, 1, new CanaryTarget(2, 50), null, Alias);
        var shown = await Client.Models.GetAliasAsync(TrainedModel.Name, Alias);
        var model = await Client.Models.GetAsync(TrainedModel.Name);
        var row = new Dictionary<string, object?> { ["x1"] = 0.5, ["x2"] = 0.1, ["color"] = "red" };
        var served = new List<(int First, int Again)>();
        for (var key = 0; key < 20; key++)
        {
            var options = new PredictOptions(Alias: Alias, RoutingKey: $"customer-{key}");
            served.Add(((await Client.Predictions.PredictAsync(TrainedModel.Name, row, options)).Version,
                (await Client.Predictions.PredictAsync(TrainedModel.Name, row, options)).Version));
        }

        var promoted = await Client.Models.PromoteCanaryAsync(TrainedModel.Name, Alias);
        await Client.Models.SetSplitAsync(TrainedModel.Name, 2, new CanaryTarget(1, 10), null, Alias);
        await Client.Models.ClearSplitAsync(TrainedModel.Name, Alias);
        var cleared = await Client.Models.GetAliasAsync(TrainedModel.Name, Alias);

        Assert.Multiple(() =>
        {
            Assert.That((shadowed.Version, shadowed.Canary, shadowed.Shadow), Is.EqualTo((1, (CanaryTarget?)null, new ShadowTarget(2))));
            Assert.That((shown.Version, shown.Canary, shown.Shadow), Is.EqualTo((1, new CanaryTarget(2, 50), (ShadowTarget?)null)));
            Assert.That(model.Splits?[Alias], Is.EqualTo(new TrafficSplit(new CanaryTarget(2, 50), null)));
            Assert.That(served.All(s => s.First == s.Again), Is.True, "one key, one version");
            Assert.That(served.Select(s => s.First).Distinct().Order(), Is.EqualTo(new[] { 1, 2 }), "20 keys at 50 % reach both versions");
            Assert.That((promoted.PreviousVersion, promoted.Version), Is.EqualTo(((int?)1, 2)));
            Assert.That((cleared.Version, cleared.Canary, cleared.Shadow), Is.EqualTo((2, (CanaryTarget?)null, (ShadowTarget?)null)));
        });
    }

    [Test]
    public void Promoting_the_canary_of_an_alias_without_one_is_a_409()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(async () =>
        {
            await Client.Models.PromoteAsync(TrainedModel.Name, 1, "plain");
            await Client.Models.PromoteCanaryAsync(TrainedModel.Name, "plain");
        });

        Assert.That((error!.Status, error.ErrorCode), Is.EqualTo((HttpStatusCode.Conflict, "no-canary")));
    }

    [Test]
    public async Task The_report_evaluation_onnx_and_drift_of_a_version_are_read()
    {
        var evaluated = await Client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(80, seed: 11)), "holdout.csv");
        using var onnx = new MemoryStream();

        var report = await Client.Models.GetReportAsync(TrainedModel.Name, 1);
        var evaluation = await Client.Models.EvaluateAsync(TrainedModel.Name, 1, evaluated.Id);
        await Client.Models.ExportOnnxAsync(TrainedModel.Name, 1, onnx);
        var drift = await Client.Models.GetDriftAsync(TrainedModel.Name, 1);

        Assert.Multiple(() =>
        {
            Assert.That(report.Validation?.Classification?.Accuracy, Is.GreaterThan(0.5));
            Assert.That(report.Validation!.Classification!.ConfusionMatrix, Has.Count.EqualTo(2));
            Assert.That(evaluation.Source, Is.EqualTo("dataset"));
            Assert.That(evaluation.Rows, Is.EqualTo(80));
            Assert.That(onnx.Length, Is.GreaterThan(100));
            Assert.That(onnx.ToArray()[0], Is.EqualTo(0x08), "an ONNX ModelProto starts with its ir_version field");
            Assert.That(drift.Model, Is.EqualTo(TrainedModel.Name));
            Assert.That(drift.Columns.Select(c => c.Name), Is.SupersetOf(new[] { "x1", "x2" }));
        });
    }

    [Test]
    public async Task A_version_behind_an_alias_cannot_be_deleted_and_one_without_an_alias_is_deleted()
    {
        await TrainAsync("short-lived");
        await TrainAsync("short-lived");

        var refused = Assert.ThrowsAsync<AutoMLPlatformException>(() => Client.Models.DeleteVersionAsync("short-lived", 1));
        await Client.Models.DeleteVersionAsync("short-lived", 2);
        var deleted = Assert.ThrowsAsync<AutoMLPlatformException>(() => Client.Models.GetVersionAsync("short-lived", 2));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Status, Is.EqualTo(HttpStatusCode.Conflict), "the first version is production's");
            Assert.That((deleted!.Status, deleted.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "model-not-found")));
        });
    }

    [Test]
    public void The_report_of_an_unknown_version_is_404_with_the_servers_words()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => Client.Models.GetReportAsync(TrainedModel.Name, 99));

        Assert.Multiple(() =>
        {
            Assert.That((error!.Status, error.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "model-not-found")));
            Assert.That(error.Detail, Does.Contain("no version 99"));
            Assert.That(error.Message, Does.StartWith("404: "));
        });
    }
}
