using AutoMLPlatform.Core.Insight;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Insight;

namespace AutoMLPlatform.Storage.Tests.Insight;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlModelInsightStoreTests(StorageProvider provider)
{
    [Test]
    public async Task Nothing_stored_reads_as_empty()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlModelInsightStore(fixture.Database, TimeProvider.System);

        var found = await store.FindAsync(TenantId.Default, "churn", 1, CancellationToken.None);

        Assert.That(found, Is.EqualTo(ModelInsights.Empty));
    }

    [Test]
    public async Task A_report_and_an_importance_read_back_whole()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlModelInsightStore(fixture.Database, TimeProvider.System);
        await store.SaveReportAsync(TenantId.Default, "churn", 1, Report(EvaluationSource.Validation, 0.75), CancellationToken.None);
        await store.SaveImportanceAsync(TenantId.Default, "churn", 1, Importance(), CancellationToken.None);

        var found = await store.FindAsync(TenantId.Default, "churn", 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found.Validation!.Classification!.Accuracy, Is.EqualTo(0.75));
            Assert.That(found.Validation.Classification.ConfusionMatrix[1], Is.EqualTo(new[] { 1, 2 }));
            Assert.That(found.Validation.Classification.Auc, Is.Null);
            Assert.That(found.Evaluation, Is.Null);
            Assert.That(found.Importance!.Columns.Select(c => c.Column), Is.EqualTo(new[] { "income", "age" }));
        });
    }

    [Test]
    public async Task A_new_dataset_report_replaces_the_old_and_leaves_the_validation_report()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlModelInsightStore(fixture.Database, TimeProvider.System);
        await store.SaveReportAsync(TenantId.Default, "churn", 1, Report(EvaluationSource.Validation, 0.75), CancellationToken.None);
        await store.SaveReportAsync(TenantId.Default, "churn", 1, Report(EvaluationSource.Dataset, 0.5), CancellationToken.None);

        await store.SaveReportAsync(TenantId.Default, "churn", 1, Report(EvaluationSource.Dataset, 0.25), CancellationToken.None);
        var found = await store.FindAsync(TenantId.Default, "churn", 1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found.Validation!.Classification!.Accuracy, Is.EqualTo(0.75));
            Assert.That(found.Evaluation!.Classification!.Accuracy, Is.EqualTo(0.25));
        });
    }

    [Test]
    public async Task Another_tenants_insights_stay_invisible()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlModelInsightStore(fixture.Database, TimeProvider.System);
        await store.SaveImportanceAsync(TenantId.Default, "churn", 1, Importance(), CancellationToken.None);

        var found = await store.FindAsync(new TenantId(Guid.NewGuid()), "churn", 1, CancellationToken.None);

        Assert.That(found.Importance, Is.Null);
    }

    private static EvaluationReport Report(EvaluationSource source, double accuracy) => new(source, "test rows", 4, TaskKind.Binary,
        new ClassificationReport(accuracy, 0.5, 0.5, 0.5, null, 0.7,
            [new ClassMetrics("no", 1, 1, 1, 1, null), new ClassMetrics("yes", 3, 1, 0.67, 0.8, null)],
            [[1, 0], [1, 2]],
            [new ClassCurves("yes", [new CurvePoint(0.5, 0, 0.67)], [new CurvePoint(0.5, 0.67, 1)])],
            [new CalibrationBin(0, 0.1, 1, 0.05, 0)]),
        null, DateTimeOffset.UnixEpoch);

    private static FeatureImportance Importance() => new("auc", 0.9, 100, 3, "training rows",
        [new ColumnImportance("income", 0.2, 0.01), new ColumnImportance("age", 0.01, 0.005)], DateTimeOffset.UnixEpoch);
}
