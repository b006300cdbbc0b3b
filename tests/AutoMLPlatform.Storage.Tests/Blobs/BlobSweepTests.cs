using System.Diagnostics.Metrics;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage.Blobs;
using AutoMLPlatform.Storage.Datasets;
using AutoMLPlatform.Storage.Registry;
using AutoMLPlatform.Storage.Tests.Tenancy;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoMLPlatform.Storage.Tests.Blobs;

public class BlobSweepTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);
    private static readonly DatasetSchema Schema = new([new ColumnProfile("x", ColumnType.Numeric, 0, 3)]);

    [Test]
    public async Task An_old_blob_that_no_live_version_names_is_removed_and_a_named_one_stays_readable()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        var named = await CommitAsync(fixture, tenant, BlobKind.Dataset, "named,1\n");
        var unnamed = await CommitAsync(fixture, tenant, BlobKind.Dataset, "unnamed,2\n");
        var model = await CommitAsync(fixture, tenant, BlobKind.Model, "model of a deleted version");
        await new SqlDatasetStore(fixture.Database, TimeProvider.System, FixedLimits.None)
            .AddVersionAsync(tenant, "kept", new NewDatasetVersion(named, 8, 1, DatasetFormat.Csv, Schema), CancellationToken.None);
        var registry = new SqlModelRegistry(fixture.Database, TimeProvider.System);
        await registry.RegisterAsync(NewModel(tenant, model), CancellationToken.None);
        await registry.RegisterAsync(NewModel(tenant, await CommitAsync(fixture, tenant, BlobKind.Model, "model of the live version")), CancellationToken.None);
        await registry.SetAliasAsync(tenant, "churn", "production", 2, CancellationToken.None);
        await registry.DeleteVersionAsync(tenant, "churn", 1, CancellationToken.None);
        AgeEveryFile(fixture, TimeSpan.FromDays(2));

        var result = await Sweep(fixture).RunAsync(Grace, CancellationToken.None);

        await using var read = await fixture.Store.OpenReadAsync(tenant, BlobKind.Dataset, named, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(result.Orphans, Is.EqualTo(2));
            Assert.That(await new StreamReader(read).ReadToEndAsync(), Is.EqualTo("named,1\n"));
            Assert.That(await fixture.Store.ExistsAsync(tenant, BlobKind.Dataset, unnamed, CancellationToken.None), Is.False);
            Assert.That(await fixture.Store.ExistsAsync(tenant, BlobKind.Model, model, CancellationToken.None), Is.False);
        });
    }

    [Test]
    public async Task An_orphan_younger_than_the_grace_period_is_kept_for_the_work_that_will_name_it()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        var unnamed = await CommitAsync(fixture, tenant, BlobKind.Model, "a job's model, not registered yet");
        AgeEveryFile(fixture, TimeSpan.FromHours(23));

        var result = await Sweep(fixture).RunAsync(Grace, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Total, Is.Zero);
            Assert.That(await fixture.Store.ExistsAsync(tenant, BlobKind.Model, unnamed, CancellationToken.None), Is.True);
        });
    }

    [Test]
    public async Task Storing_bytes_that_are_already_there_marks_them_used_so_the_sweep_leaves_them_to_the_new_row()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        var sha = await CommitAsync(fixture, tenant, BlobKind.Dataset, "uploaded again,3\n");
        AgeEveryFile(fixture, TimeSpan.FromDays(2));

        await CommitAsync(fixture, tenant, BlobKind.Dataset, "uploaded again,3\n");
        var result = await Sweep(fixture).RunAsync(Grace, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Orphans, Is.Zero);
            Assert.That(await fixture.Store.ExistsAsync(tenant, BlobKind.Dataset, sha, CancellationToken.None), Is.True);
        });
    }

    [Test]
    public async Task Old_staging_and_half_written_files_are_removed_and_a_staging_file_in_use_is_kept()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        var sha = await CommitAsync(fixture, tenant, BlobKind.Dataset, "a,1\n");
        await new SqlDatasetStore(fixture.Database, TimeProvider.System, FixedLimits.None)
            .AddVersionAsync(tenant, "kept", new NewDatasetVersion(sha, 4, 1, DatasetFormat.Csv, Schema), CancellationToken.None);
        var blobDirectory = Path.GetDirectoryName(Directory.GetFiles(fixture.Directory.Path, sha, SearchOption.AllDirectories).Single())!;
        await File.WriteAllTextAsync(Path.Combine(blobDirectory, $"{sha}.{Guid.NewGuid():N}.tmp"), "crashed mid-commit");
        await File.WriteAllTextAsync(Path.Combine(fixture.Directory.Path, ".staging", Guid.NewGuid().ToString("N")), "a dead process's upload");
        AgeEveryFile(fixture, TimeSpan.FromDays(2));
        await using var inUse = await fixture.Store.StageAsync(TestTables.Utf8("an upload now"), 100, CancellationToken.None);

        var result = await Sweep(fixture).RunAsync(Grace, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((result.Orphans, result.Staging, result.Partial), Is.EqualTo((0, 1, 1)));
            Assert.That(Directory.GetFiles(Path.Combine(fixture.Directory.Path, ".staging")), Has.Length.EqualTo(1));
            Assert.That(Directory.GetFiles(blobDirectory), Is.EqualTo(new[] { Path.Combine(blobDirectory, sha) }));
        });
    }

    [Test]
    public async Task The_blobs_a_deleted_tenant_left_behind_are_removed()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        var sha = await CommitAsync(fixture, tenant, BlobKind.Dataset, "gone,1\n");
        await new SqlDatasetStore(fixture.Database, TimeProvider.System, FixedLimits.None)
            .AddVersionAsync(tenant, "theirs", new NewDatasetVersion(sha, 7, 1, DatasetFormat.Csv, Schema), CancellationToken.None);
        await fixture.DeleteTenantAsync(tenant);
        AgeEveryFile(fixture, TimeSpan.FromDays(2));

        var result = await Sweep(fixture).RunAsync(Grace, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Orphans, Is.EqualTo(1));
            Assert.That(Directory.GetFiles(Path.Combine(fixture.Directory.Path, tenant.ToString()), "*", SearchOption.AllDirectories), Is.Empty);
        });
    }

    [Test]
    public async Task The_service_counts_what_it_swept_by_reason_on_its_meter()
    {
        await using var fixture = await BlobStoreFixture.CreateAsync();
        var tenant = await fixture.AddTenantAsync();
        await CommitAsync(fixture, tenant, BlobKind.Model, "lost fan-out part");
        AgeEveryFile(fixture, TimeSpan.FromDays(2));
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var counted = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BlobSweepService.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = (string)tags.ToArray().Single(t => t.Key == "reason").Value!;
            counted[reason] = counted.GetValueOrDefault(reason) + value;
        });
        listener.Start();
        var service = new BlobSweepService(Sweep(fixture), Options.Create(new StorageOptions { OrphanGracePeriod = Grace }), TimeProvider.System,
            services.GetRequiredService<IMeterFactory>(), NullLogger<BlobSweepService>.Instance);

        await service.SweepOnceAsync(CancellationToken.None);

        Assert.That(counted, Is.EquivalentTo(new Dictionary<string, long> { ["orphan"] = 1, ["staging"] = 0, ["partial"] = 0 }));
    }

    private static BlobSweep Sweep(BlobStoreFixture fixture) =>
        new(fixture.Directory.Path, new BlobReferences(fixture.Database), TimeProvider.System);

    private static async Task<string> CommitAsync(BlobStoreFixture fixture, TenantId tenant, BlobKind kind, string content)
    {
        await using var staged = await fixture.Store.StageAsync(TestTables.Utf8(content), 1000, CancellationToken.None);
        await fixture.Store.CommitAsync(staged, tenant, kind, CancellationToken.None);
        return staged.Sha256;
    }

    private static void AgeEveryFile(BlobStoreFixture fixture, TimeSpan age)
    {
        foreach (var file in Directory.GetFiles(fixture.Directory.Path, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
        }
    }

    private static NewModelVersion NewModel(TenantId tenant, string sha) => new(tenant, "churn", TaskKind.Binary, "y", MetricKind.Auc,
        new Dictionary<string, double> { ["auc"] = 0.9 }, [new ModelInputColumn("x", ColumnType.Numeric, false)], ["no", "yes"],
        new ModelLineage(DatasetId.New(), 1, JobId.New(), "LightGbm", new Dictionary<string, object>()), sha, 26);
}
