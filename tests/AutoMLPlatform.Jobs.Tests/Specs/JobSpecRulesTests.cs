using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Jobs.Specs;

namespace AutoMLPlatform.Jobs.Tests.Specs;

public sealed class JobSpecRulesTests
{
    private static readonly DatasetVersion Version = new(DatasetId.New(), TenantId.Default, 1, new string('0', 64), 100, 100, DatasetFormat.Csv,
        new DatasetSchema([new ColumnProfile("x", ColumnType.Numeric, 0, 100), new ColumnProfile("y", ColumnType.Categorical, 0, 2)]), DateTimeOffset.UnixEpoch);

    [Test]
    public void A_missing_budget_is_the_default_and_one_out_of_range_is_recorded_under_its_field()
    {
        var errors = new Dictionary<string, string[]>();
        Assert.That(JobSpecRules.CheckBudget(errors, null), Is.EqualTo(JobSpecRules.DefaultTimeBudgetSeconds));
        Assert.That(errors, Is.Empty);

        JobSpecRules.CheckBudget(errors, JobSpecRules.MaxTimeBudgetSeconds + 1);
        JobSpecRules.CheckBudget(errors, double.NaN);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "timeBudgetSeconds" }));
    }

    [Test]
    public void A_blank_label_and_zero_trials_are_both_recorded()
    {
        var errors = new Dictionary<string, string[]>();
        JobSpecRules.CheckLabelAndTrials(errors, " ", 0);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "label", "maxTrials" }));
    }

    [Test]
    public void An_unknown_label_is_refused_with_its_code_naming_the_columns_there_are()
    {
        var error = Assert.Throws<InvalidInputException>(() => JobSpecRules.FindLabel(Version, "z"));
        Assert.That(error!.ErrorCode, Is.EqualTo("unknown-label"));
        Assert.That(error.Field, Is.EqualTo("label"));
        Assert.That(error.Message, Does.Contain("x, y"));
    }

    [Test]
    public void A_metric_of_another_task_is_refused_and_a_fitting_one_resolves_the_task()
    {
        var label = JobSpecRules.FindLabel(Version, "y");
        var task = JobSpecRules.ResolveTask(Version, label, null);
        Assert.That(task, Is.EqualTo(TaskKind.Binary));
        Assert.DoesNotThrow(() => JobSpecRules.CheckMetric(MetricKind.Auc, task, label.Name));
        var error = Assert.Throws<InvalidInputException>(() => JobSpecRules.CheckMetric(MetricKind.Rmse, task, label.Name));
        Assert.That(error!.ErrorCode, Is.EqualTo("metric-not-for-task"));
        Assert.That(error.Field, Is.EqualTo("metric"));
    }
}
