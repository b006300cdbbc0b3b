using AutoMLPlatform.Client.Datasets;
using AutoMLPlatform.Client.Jobs;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Client.Tests;

/// <summary>
/// A platform with the binary <c>rule</c> table uploaded and one model, <c>rule</c>, trained on it through the client
/// (one trial, trainers that export to ONNX), for the fixtures that need a model.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    public const string Name = "rule";

    private TrainedModel(PlatformHost host, AutoMLPlatformClient client, Dataset dataset, Job job)
    {
        Host = host;
        Client = client;
        Dataset = dataset;
        Job = job;
    }

    public PlatformHost Host { get; }

    public AutoMLPlatformClient Client { get; }

    public Dataset Dataset { get; }

    public Job Job { get; }

    public static async Task<TrainedModel> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var host = new PlatformHost(settings);
        var client = host.Client(configure: o => o.WatchInterval = TimeSpan.FromMilliseconds(200));
        var dataset = await client.Datasets.UploadAsync(TestTables.Utf8(TestTables.BinaryCsv(200)), "rule.csv");
        var submitted = await client.Jobs.SubmitAsync(new JobRequest(dataset.Id, "y") { ModelName = Name, TimeBudgetSeconds = 30, MaxTrials = 1, RequireOnnx = true });
        Job? last = null;
        await foreach (var job in client.Jobs.WatchAsync(submitted.Id))
        {
            last = job;
        }

        return last is { Status: JobStatus.Succeeded }
            ? new TrainedModel(host, client, dataset, last)
            : throw new InvalidOperationException($"Training the test model failed: {last?.Status} {last?.Error}");
    }

    public void Dispose()
    {
        Client.Dispose();
        Host.Dispose();
    }
}
