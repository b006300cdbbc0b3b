using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests;

/// <summary>A server with the shared penguins table uploaded and one model, <c>penguins</c>, trained on it.</summary>
public sealed class TrainedPlatform : IDisposable
{
    private TrainedPlatform(PlatformFactory factory, ApiClient api, JsonObject job)
    {
        Factory = factory;
        Api = api;
        Job = job;
    }

    public PlatformFactory Factory { get; }

    public ApiClient Api { get; }

    public JsonObject Job { get; }

    public static async Task<TrainedPlatform> StartAsync()
    {
        var factory = new PlatformFactory();
        var api = factory.Api();
        var csv = await File.ReadAllTextAsync(RepositoryPaths.SharedDataset("penguins", "train.csv"));
        var dataset = await api.UploadOkAsync("penguins.csv", csv, "penguins");
        var submitted = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "species", timeBudgetSeconds = 15, modelName = "penguins" });
        var job = await api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(2));
        if ((string?)job["status"] != "succeeded")
        {
            throw new InvalidOperationException($"Training the test model failed: {job}");
        }

        return new TrainedPlatform(factory, api, job);
    }

    public void Dispose()
    {
        Api.Dispose();
        Factory.Dispose();
    }
}
