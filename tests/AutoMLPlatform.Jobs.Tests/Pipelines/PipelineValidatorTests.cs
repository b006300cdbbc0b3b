using System.Text;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Pipelines;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Jobs.Tests.Pipelines;

public class PipelineValidatorTests
{
    private const string Valid = """
        {"name": "nightly", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *", "timeZone": "Europe/Berlin"}}
        """;

    [Test]
    public async Task A_minimal_definition_gets_the_documented_defaults()
    {
        await using var stores = await StoresWithRuleAsync();

        var validated = await ValidateAsync(stores, Valid);

        Assert.That(validated.Definition, Is.EqualTo(new PipelineDefinition("nightly", "rule", "y", null, null, TimeSpan.FromSeconds(60), null, "nightly",
            "production", new PipelineSchedule("0 3 * * *", "Europe/Berlin"), new PromotionPolicy(0, ImprovementKind.Absolute, 0.2, 1, TimeSpan.FromMinutes(1)), 1)));
    }

    [Test]
    public async Task A_schedule_without_a_time_zone_runs_in_utc()
    {
        await using var stores = await StoresWithRuleAsync();

        var validated = await ValidateAsync(stores, """{"name": "n", "dataset": "rule", "label": "y", "schedule": {"cron": "*/5 * * * *"}}""");

        Assert.That(validated.Definition.Schedule, Is.EqualTo(new PipelineSchedule("*/5 * * * *", "UTC")));
    }

    [Test]
    public async Task A_six_field_cron_with_seconds_is_accepted()
    {
        await using var stores = await StoresWithRuleAsync();

        var validated = await ValidateAsync(stores, Valid.Replace("0 3 * * *", "30 0 3 * * *"));

        Assert.That(validated.Definition.Schedule.Cron, Is.EqualTo("30 0 3 * * *"));
    }

    [Test]
    public async Task A_drift_trigger_with_only_a_threshold_gets_the_documented_defaults()
    {
        await using var stores = await StoresWithRuleAsync();

        var validated = await ValidateAsync(stores, Valid.Replace("\"Europe/Berlin\"", "\"Europe/Berlin\", \"driftTrigger\": {\"maxPsi\": 0.25}"));

        Assert.That(validated.Definition.Schedule.DriftTrigger, Is.EqualTo(new DriftTrigger(0.25, 500, TimeSpan.FromMinutes(5))));
    }

    [TestCase("00:01:00", "* * * * *")]
    [TestCase("00:15:00", "*/15 * * * *")]
    [TestCase("01:00:00", "0 * * * *")]
    [TestCase("06:00:00", "0 */6 * * *")]
    [TestCase("1.00:00:00", "0 0 * * *")]
    public async Task A_drift_check_interval_that_divides_an_hour_or_a_day_becomes_a_cron(string every, string cron)
    {
        await using var stores = await StoresWithRuleAsync();

        var validated = await ValidateAsync(stores, Valid.Replace("\"Europe/Berlin\"", $"\"Europe/Berlin\", \"driftTrigger\": {{\"maxPsi\": 0.25, \"checkEvery\": \"{every}\"}}"));

        Assert.That(CheckIntervals.CronOf(validated.Definition.Schedule.DriftTrigger!.CheckEvery), Is.EqualTo(cron));
    }

    [TestCase("\"maxPsi\": 0", "schedule.driftTrigger.maxPsi", "more than 0")]
    [TestCase("\"maxPsi\": 11", "schedule.driftTrigger.maxPsi", "at most 10")]
    [TestCase("\"minRows\": 100", "schedule.driftTrigger.maxPsi", "Give the PSI")]
    [TestCase("\"maxPsi\": 0.2, \"minRows\": -1", "schedule.driftTrigger.minRows", "at least one")]
    [TestCase("\"maxPsi\": 0.2, \"checkEvery\": \"00:00:30\"", "schedule.driftTrigger.checkEvery", "not a check interval")]
    [TestCase("\"maxPsi\": 0.2, \"checkEvery\": \"00:07:00\"", "schedule.driftTrigger.checkEvery", "not a check interval")]
    [TestCase("\"maxPsi\": 0.2, \"checkEvery\": \"05:00:00\"", "schedule.driftTrigger.checkEvery", "not a check interval")]
    [TestCase("\"maxPsi\": 0.2, \"checkEvery\": \"5 minutes\"", "schedule.driftTrigger.checkEvery", "not a check interval")]
    public async Task A_bad_drift_trigger_is_refused_naming_the_field(string trigger, string field, string message)
    {
        await using var stores = await StoresWithRuleAsync();

        var refused = Assert.ThrowsAsync<InvalidInputException>(() =>
            ValidateAsync(stores, Valid.Replace("\"Europe/Berlin\"", $"\"Europe/Berlin\", \"driftTrigger\": {{{trigger}}}")));

        Assert.That(refused!.Errors[field].Single(), Does.Contain(message));
    }

    [TestCase("\"cron\": \"0 3 * * *\"", "\"cron\": \"every night\"", "schedule.cron", "not a cron schedule")]
    [TestCase("\"cron\": \"0 3 * * *\"", "\"cron\": \"0 25 * * *\"", "schedule.cron", "not a cron schedule")]
    [TestCase("\"cron\": \"0 3 * * *\"", "\"cron\": \"\"", "schedule.cron", "Give a cron schedule")]
    [TestCase("Europe/Berlin", "Mars/Olympus_Mons", "schedule.timeZone", "not a known time zone")]
    [TestCase("\"dataset\": \"rule\"", "\"dataset\": \"nothing-here\"", "dataset", "no dataset named 'nothing-here'")]
    [TestCase("\"dataset\": \"rule\"", "\"dataset\": \"../etc\"", "dataset", "A dataset name is")]
    [TestCase("\"label\": \"y\"", "\"label\": \"z\"", "label", "has no column 'z'")]
    [TestCase("\"label\": \"y\"", "\"label\": \"\"", "label", "Name the column")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"metric\": \"precision\"", "metric", "Unknown metric 'precision'")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"metric\": \"rmse\"", "metric", "does not apply to binary")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"task\": \"regression\"", "task", "Regression needs a numeric label")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"task\": \"clustering\"", "task", "Unknown task")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"timeBudgetSeconds\": 0", "timeBudgetSeconds", "between 1 and")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"timeBudgetSeconds\": 100000", "timeBudgetSeconds", "between 1 and")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"maxTrials\": 0", "maxTrials", "At least one trial")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"alias\": \"Prod!\"", "alias", "An alias is")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"modelName\": \"a/b\"", "modelName", "A model name is")]
    [TestCase("\"name\": \"nightly\"", "\"name\": \"night ly\"", "name", "A pipeline name is")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"promotion\": {\"minImprovement\": -0.1}", "promotion.minImprovement", "0 or more")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"promotion\": {\"improvement\": \"percent\"}", "promotion.improvement", "use absolute or relative")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"promotion\": {\"holdoutFraction\": 0.9}", "promotion.holdoutFraction", "between 0.05 and 0.5")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"promotion\": {\"retries\": 11}", "promotion.retries", "between 0 and 10")]
    [TestCase("\"label\": \"y\"", "\"label\": \"y\", \"promotion\": {\"retryDelaySeconds\": -1}", "promotion.retryDelaySeconds", "between 0 and")]
    public async Task An_invalid_field_is_refused_naming_the_field(string find, string replace, string field, string message)
    {
        await using var stores = await StoresWithRuleAsync();

        var error = Assert.ThrowsAsync<InvalidInputException>(() => ValidateAsync(stores, Valid.Replace(find, replace)));

        Assert.That(error!.Errors[field], Has.Some.Contains(message), string.Join("; ", error.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    [Test]
    public async Task A_definition_without_a_schedule_is_refused()
    {
        await using var stores = await StoresWithRuleAsync();

        var error = Assert.ThrowsAsync<InvalidInputException>(() => ValidateAsync(stores, """{"name": "n", "dataset": "rule", "label": "y"}"""));

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "schedule" }));
    }

    [Test]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        await using var stores = await StoresWithRuleAsync();

        var error = Assert.ThrowsAsync<InvalidInputException>(() => ValidateAsync(stores,
            """{"name": "n", "dataset": "rule", "label": "z", "metric": "nope", "schedule": {"cron": "x", "timeZone": "Nowhere/City"}}"""));

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "label", "metric", "schedule.cron", "schedule.timeZone" }));
    }

    [Test]
    public async Task A_metric_that_does_not_fit_the_inferred_task_is_refused()
    {
        await using var stores = await StoresWithRuleAsync();
        await stores.AddDatasetAsync("three", "x,c\n1,a\n2,b\n3,c\n4,a\n5,b\n6,c\n7,a\n8,b\n9,c\n10,a\n");

        var error = Assert.ThrowsAsync<InvalidInputException>(() => ValidateAsync(stores,
            Valid.Replace("\"dataset\": \"rule\"", "\"dataset\": \"three\"").Replace("\"label\": \"y\"", "\"label\": \"c\", \"metric\": \"auc\"")));

        Assert.That(error!.Errors["metric"], Has.Some.Contains("does not apply to multiclass"));
    }

    [Test]
    public async Task A_missing_dataset_is_allowed_when_the_caller_allows_it_and_then_reported()
    {
        await using var stores = await PlatformStores.StartAsync();
        var validator = new PipelineValidator(stores.Datasets);

        var validated = await validator.ValidateAsync(TenantId.Default, await ReadAsync(Valid), allowMissingDataset: true, CancellationToken.None);

        Assert.That(validated.DatasetFound, Is.False);
    }

    [Test]
    public async Task A_metric_is_still_checked_against_a_given_task_when_the_dataset_is_missing()
    {
        await using var stores = await PlatformStores.StartAsync();
        var validator = new PipelineValidator(stores.Datasets);
        var document = await ReadAsync(Valid.Replace("\"label\": \"y\"", "\"label\": \"y\", \"task\": \"regression\", \"metric\": \"auc\""));

        var error = Assert.ThrowsAsync<InvalidInputException>(() => validator.ValidateAsync(TenantId.Default, document, allowMissingDataset: true, CancellationToken.None));

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "metric" }));
    }

    [Test]
    public async Task A_validated_definition_reads_back_from_its_document_unchanged()
    {
        await using var stores = await StoresWithRuleAsync();
        var definition = (await ValidateAsync(stores, Valid.Replace("\"label\": \"y\"",
            "\"label\": \"y\", \"task\": \"binary\", \"metric\": \"f1\", \"maxTrials\": 3, \"promotion\": {\"improvement\": \"relative\", \"minImprovement\": 0.02}"))).Definition;

        var again = await new PipelineValidator(stores.Datasets).ValidateAsync(TenantId.Default, PipelineDocument.From(definition), false, CancellationToken.None);

        Assert.That(again.Definition, Is.EqualTo(definition));
    }

    private static async Task<PlatformStores> StoresWithRuleAsync()
    {
        var stores = await PlatformStores.StartAsync();
        await stores.AddDatasetAsync("rule", TestTables.BinaryCsv(50));
        return stores;
    }

    private static async Task<ValidatedPipeline> ValidateAsync(PlatformStores stores, string json) =>
        await new PipelineValidator(stores.Datasets).ValidateAsync(TenantId.Default, await ReadAsync(json), allowMissingDataset: false, CancellationToken.None);

    private static Task<PipelineDocument> ReadAsync(string json) =>
        PipelineDocumentReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);
}
