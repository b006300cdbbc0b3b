using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoMLPlatform.Jobs.Tests.Pipelines;

public class PipelineFileLoaderTests
{
    private const string Good = """{"dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *", "timeZone": "Europe/Berlin"}}""";

    [Test]
    public async Task Valid_files_are_stored_at_start_named_after_the_file_unless_they_name_themselves()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("nightly.json"), Good);
        await File.WriteAllTextAsync(directory.File("other.json"), Named("weekly"));

        using var data = new TempDirectory();
        await using var stores = await StartAsync(data, directory.Path, new RecordingLoggerProvider());
        var names = (await Pipelines(stores).ListAllAsync(CancellationToken.None)).Select(p => (p.Name, p.Source));

        Assert.That(names, Is.EquivalentTo(new[] { ("nightly", "file:nightly.json"), ("weekly", "file:other.json") }));
    }

    [Test]
    public async Task An_invalid_file_is_skipped_with_an_error_naming_the_file_and_the_field_and_the_rest_still_load()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("good.json"), Good);
        await File.WriteAllTextAsync(directory.File("bad.json"), Good.Replace("0 3 * * *", "at three"));
        var logs = new RecordingLoggerProvider();

        using var data = new TempDirectory();
        await using var stores = await StartAsync(data, directory.Path, logs);
        var names = (await Pipelines(stores).ListAllAsync(CancellationToken.None)).Select(p => p.Name);
        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "good" }));
            Assert.That(errors, Has.Length.EqualTo(1));
            Assert.That(errors[0], Does.Contain("bad.json").And.Contain("schedule.cron").And.Contain("at three"));
        });
    }

    [Test]
    public async Task A_file_that_is_not_json_is_skipped_with_an_error_naming_it()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("broken.json"), "{\"dataset\": ");
        var logs = new RecordingLoggerProvider();

        using var data = new TempDirectory();
        await using var stores = await StartAsync(data, directory.Path, logs);

        Assert.Multiple(async () =>
        {
            Assert.That(await Pipelines(stores).ListAllAsync(CancellationToken.None), Is.Empty);
            Assert.That(logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message), Has.Some.Contains("broken.json"));
        });
    }

    [Test]
    public async Task Two_files_defining_the_same_pipeline_keep_the_first_and_report_the_second()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("a.json"), Named("same"));
        await File.WriteAllTextAsync(directory.File("b.json"), Named("same", "\"alias\": \"staging\", "));
        var logs = new RecordingLoggerProvider();

        using var data = new TempDirectory();
        await using var stores = await StartAsync(data, directory.Path, logs);
        var pipeline = await Pipelines(stores).FindAsync(TenantId.Default, "same", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(pipeline!.Source, Is.EqualTo("file:a.json"));
            Assert.That(logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message), Has.Some.Contains("b.json").And.Some.Contains("already defined by a.json"));
        });
    }

    [Test]
    public async Task A_file_whose_dataset_is_not_uploaded_yet_loads_with_a_warning()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("later.json"), Good.Replace("\"rule\"", "\"not-uploaded\""));
        var logs = new RecordingLoggerProvider();

        using var data = new TempDirectory();
        await using var stores = await StartAsync(data, directory.Path, logs);

        Assert.Multiple(async () =>
        {
            Assert.That(await Pipelines(stores).FindAsync(TenantId.Default, "later", CancellationToken.None), Is.Not.Null);
            Assert.That(logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message), Has.Some.Contains("not-uploaded"));
        });
    }

    [Test]
    public async Task The_repository_examples_load_without_errors()
    {
        var logs = new RecordingLoggerProvider();

        using var data = new TempDirectory();
        await using var stores = await StartAsync(data, Path.Combine(RepositoryPaths.Root, "pipelines"), logs);
        var names = (await Pipelines(stores).ListAllAsync(CancellationToken.None)).Select(p => p.Name);

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EquivalentTo(new[] { "credit", "penguins" }));
            Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message), Is.Empty);
        });
    }

    private static string Named(string name, string more = "") => $"{{\"name\": \"{name}\", {more}{Good[1..]}";

    private static IPipelineStore Pipelines(PlatformStores stores) => stores.Services.GetRequiredService<IPipelineStore>();

    /// <summary>Seeds the 'rule' dataset first, then starts the job services (whose start-up loads the files) over the same data.</summary>
    private static async Task<PlatformStores> StartAsync(TempDirectory data, string pipelines, RecordingLoggerProvider logs)
    {
        await using (var seed = await PlatformStores.StartAsync(data.Path))
        {
            await seed.AddDatasetAsync("rule", TestTables.BinaryCsv(50));
        }

        return await JobsHost.StartAsync(new RecordingJobQueue(), dataDirectory: data.Path,
            settings: new() { ["AutoMLPlatform:Pipelines:Directory"] = pipelines },
            configure: services => services.AddLogging(builder => builder.AddProvider(logs)));
    }
}
