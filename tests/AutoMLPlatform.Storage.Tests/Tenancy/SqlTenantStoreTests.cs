using AutoMLPlatform.Core.Audit;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Audit;
using AutoMLPlatform.Storage.Datasets;
using AutoMLPlatform.Storage.Jobs;
using AutoMLPlatform.Storage.Registry;
using AutoMLPlatform.Storage.Tenancy;
using Dapper;

namespace AutoMLPlatform.Storage.Tests.Tenancy;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres, Category = "Postgres")]
public class SqlTenantStoreTests(StorageProvider provider)
{
    [Test]
    public async Task Only_the_first_of_two_data_keys_is_kept()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var tenant = new Tenant(TenantId.New(), "acme", DateTimeOffset.UnixEpoch);
        await store.TryCreateAsync(tenant, CancellationToken.None);

        var first = await store.TryAddDataKeyAsync(tenant.Id, new WrappedDataKey("m1", [1, 2, 3]), CancellationToken.None);
        var second = await store.TryAddDataKeyAsync(tenant.Id, new WrappedDataKey("m1", [4, 5, 6]), CancellationToken.None);
        var kept = await store.FindDataKeyAsync(tenant.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((true, false)));
            Assert.That(kept!.Ciphertext, Is.EqualTo(new byte[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task Deleting_a_tenant_destroys_its_data_key()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var tenant = new Tenant(TenantId.New(), "acme", DateTimeOffset.UnixEpoch);
        await store.TryCreateAsync(tenant, CancellationToken.None);
        await store.TryAddDataKeyAsync(tenant.Id, new WrappedDataKey("m1", [1, 2, 3]), CancellationToken.None);

        await store.DeleteAsync(tenant.Id, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await store.FindDataKeyAsync(tenant.Id, CancellationToken.None), Is.Null);
            Assert.That(await store.FindAsync(tenant.Id, CancellationToken.None), Is.Null);
            Assert.That(await store.ListDataKeysAsync(CancellationToken.None), Is.Empty);
        });
    }

    [Test]
    public async Task Deleting_a_tenant_deletes_its_rows_everywhere_but_the_audit_trail_and_leaves_other_tenants_alone()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var (gone, kept) = (TenantId.New(), TenantId.New());
        await FillAsync(fixture, store, gone);
        await FillAsync(fixture, store, kept);

        await store.DeleteAsync(gone, CancellationToken.None);
        var left = await CountRowsAsync(fixture, gone);
        var others = await CountRowsAsync(fixture, kept);

        Assert.Multiple(() =>
        {
            Assert.That(left.Where(t => t.Key != "audit_log" && t.Value > 0), Is.Empty, "rows naming the deleted tenant's data");
            Assert.That(left["audit_log"], Is.EqualTo(1), "the audit trail stays whole");
            Assert.That(others.Where(t => t.Value == 0), Is.Empty, "the other tenant's rows");
        });
    }

    [Test]
    public async Task A_version_registered_after_its_tenant_was_deleted_is_refused()
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var store = new SqlTenantStore(fixture.Database, TimeProvider.System);
        var tenant = TenantId.New();
        await store.TryCreateAsync(new Tenant(tenant, "acme", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await store.DeleteAsync(tenant, CancellationToken.None);

        Assert.ThrowsAsync<Core.Common.NotFoundException>(() =>
            new SqlModelRegistry(fixture.Database, TimeProvider.System).RegisterAsync(NewVersion(tenant), CancellationToken.None));
        var left = await CountRowsAsync(fixture, tenant);

        Assert.That(left["model_versions"], Is.Zero);
    }

    /// <summary>A row in every table that holds a tenant's data, written through the stores where they write it.</summary>
    private static async Task FillAsync(StoreFixture fixture, SqlTenantStore store, TenantId tenant)
    {
        var time = TimeProvider.System;
        await store.TryCreateAsync(new Tenant(tenant, "team", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var dataset = await new SqlDatasetStore(fixture.Database, time, FixedLimits.None).AddVersionAsync(tenant, "churn",
            new NewDatasetVersion(new string('d', 64), 10, 3, DatasetFormat.Csv, new DatasetSchema([new ColumnProfile("secret_column", ColumnType.Numeric, 0, 3)])),
            CancellationToken.None);
        var job = TrainingJob.Create(tenant, new JobSpec(dataset.DatasetId, 1, "y", TaskKind.Binary, MetricKind.Auc, TimeSpan.FromSeconds(30), "churn"), DateTimeOffset.UtcNow);
        var jobs = new SqlJobStore(fixture.Database, FixedLimits.None);
        await jobs.CreateAsync(job, CancellationToken.None);
        await jobs.AddTrialAsync(job.Id, 1, new TrialRecord(1, "LightGbm", new Dictionary<string, object>(), 0.9, new Dictionary<string, double>(), TimeSpan.FromSeconds(1), null),
            CancellationToken.None);
        await new SqlJobPartStore(fixture.Database).CreateAsync(job.Id, 1, 2, CancellationToken.None);
        var registry = new SqlModelRegistry(fixture.Database, time);
        await registry.RegisterAsync(NewVersion(tenant), CancellationToken.None);
        await registry.RegisterAsync(NewVersion(tenant), CancellationToken.None);
        await registry.SetAliasAsync(tenant, "churn", "staging", 2, CancellationToken.None);
        await new SqlAuditLog(fixture.Database).AppendAsync(new AuditRecord(DateTimeOffset.UtcNow, tenant, null, "model.promote", "model/churn", "200"),
            CancellationToken.None);
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var row = new { Tenant = tenant.ToString(), Job = job.Id.ToString() };
        await connection.ExecuteAsync("INSERT INTO pipelines (tenant_id, name, definition_json, source, created_at, updated_at) VALUES (@Tenant, 'nightly', '{}', 'api', 0, 0)", row);
        await connection.ExecuteAsync(
            "INSERT INTO pipeline_runs (id, tenant_id, pipeline_name, definition_json, run_trigger, status, attempt, failures, job_ids_json, created_at) "
            + "VALUES (@Job, @Tenant, 'nightly', '{}', 'Manual', 'Succeeded', 1, 0, '[]', 0)", row);
        await connection.ExecuteAsync(
            "INSERT INTO model_insights (tenant_id, model_name, version, kind, document_json, updated_at) VALUES (@Tenant, 'churn', 1, 'report', '{}', 0)", row);
        await connection.ExecuteAsync(
            "INSERT INTO model_drift (tenant_id, model_name, version, column_index, bin, count) VALUES (@Tenant, 'churn', 1, 0, 0, 5)", row);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, tenant_id, name, scopes, sha256, created_at) VALUES (@Job, @Tenant, 'ci-bot', 1, @Job, 0)", row);
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(StoreFixture fixture, TenantId tenant)
    {
        string[] tables = ["datasets", "dataset_versions", "jobs", "models", "model_versions", "model_aliases", "alias_history", "model_insights",
            "model_drift", "pipelines", "pipeline_runs", "api_keys", "audit_log"];
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE tenant_id = @Tenant", new { Tenant = tenant.ToString() });
        }

        const string jobIds = "SELECT id FROM jobs WHERE tenant_id = @Tenant";
        counts["trials, job_parts"] = await connection.ExecuteScalarAsync<long>(
            $"SELECT (SELECT COUNT(*) FROM trials WHERE job_id IN ({jobIds})) + (SELECT COUNT(*) FROM job_parts WHERE job_id IN ({jobIds}))",
            new { Tenant = tenant.ToString() });
        return counts;
    }

    private static NewModelVersion NewVersion(TenantId tenant) => new(tenant, "churn", TaskKind.Binary, "y", MetricKind.Auc,
        new Dictionary<string, double> { ["auc"] = 0.9 }, [new ModelInputColumn("secret_column", ColumnType.Numeric, false)], ["no", "yes"],
        new ModelLineage(DatasetId.New(), 1, JobId.New(), "LightGbm", new Dictionary<string, object>()), new string('a', 64), 100);
}
