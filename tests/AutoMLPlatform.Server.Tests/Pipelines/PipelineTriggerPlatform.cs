using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.Core.Pipelines;
using AutoMLPlatform.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Server.Tests.Pipelines;

/// <summary>
/// The set-up the pipeline trigger tests share: a server with one stored dataset, <c>rule</c> (label <c>y</c>), models
/// trained on it in one short trial, nightly pipelines with a trigger, outcomes for logged predictions, and the
/// recurring checks called directly, as Hangfire would call them.
/// </summary>
internal sealed class PipelineTriggerPlatform : IDisposable
{
    private readonly string _datasetId;

    private PipelineTriggerPlatform(PlatformFactory factory, ApiClient api, string datasetId)
    {
        Factory = factory;
        Api = api;
        _datasetId = datasetId;
    }

    public PlatformFactory Factory { get; }

    public ApiClient Api { get; }

    /// <summary>Starts a server and stores <paramref name="trainingCsv"/> as dataset <c>rule</c>.</summary>
    public static async Task<PipelineTriggerPlatform> StartAsync(string trainingCsv)
    {
        var factory = new PlatformFactory();
        var api = factory.Api();
        try
        {
            var dataset = await api.UploadOkAsync("rule.csv", trainingCsv, "rule");
            return new PipelineTriggerPlatform(factory, api, (string)dataset["id"]!);
        }
        catch
        {
            api.Dispose();
            factory.Dispose();
            throw;
        }
    }

    /// <summary>Trains a version of <paramref name="modelName"/> on <c>rule</c> (5 seconds, one trial) and asserts the job succeeded.</summary>
    public async Task TrainAsync(string modelName, int? seed = null)
    {
        // Without a seed the body has no seed member at all: the server's default seed, not an explicit null.
        object body = seed is null
            ? new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName }
            : new { datasetId = _datasetId, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName, seed };
        var submitted = await Api.SubmitJobAsync(body);
        var job = await Api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(2));
        Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
    }

    /// <summary>Creates a pipeline retraining <paramref name="modelName"/> on <c>rule</c> at 03:00 with <paramref name="trigger"/> (e.g. <c>driftTrigger</c>) set to <paramref name="settings"/>.</summary>
    public Task<JsonObject> CreatePipelineAsync(string name, string modelName, string trigger, string settings) =>
        PipelineApiTests.CreateAsync(Api, $$"""
            {"name": "{{name}}", "modelName": "{{modelName}}", "dataset": "rule", "label": "y", "schedule": {"cron": "0 3 * * *",
             "{{trigger}}": {{settings}} } }
            """);

    /// <summary>Sends <paramref name="body"/> as JSON and asserts a 200.</summary>
    public async Task SendOkAsync(HttpMethod method, string path, object body)
    {
        using var response = await Api.Http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Makes <paramref name="model"/> log every prediction for a week.</summary>
    public Task LogEveryPredictionAsync(string model) =>
        SendOkAsync(HttpMethod.Put, $"/api/models/{model}/prediction-log", new { sampleRate = 1.0, retentionDays = 7 });

    /// <summary>Predicts a CSV batch with <paramref name="model"/>, asserts a 200 and returns the answer's lines.</summary>
    public async Task<string[]> PredictBatchAsync(string model, string csv)
    {
        using var response = await Api.Http.PostAsync(new Uri($"/api/predict/{model}/batch", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Sends outcomes for <paramref name="model"/>'s predictions until all <paramref name="count"/> are accepted or replaced (30 seconds at most).</summary>
    public async Task SendFeedbackAsync(string model, Func<HttpContent> outcomes, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // The log is written off the request path: outcomes for rows not written yet are refused as unknown; send again.
            using var sent = await Api.Http.PostAsync(new Uri($"/api/models/{model}/feedback", UriKind.Relative), outcomes());
            var answer = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
            if ((int)answer["accepted"]! + (int)answer["replaced"]! == count)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), answer.ToJsonString());
            await Task.Delay(200);
        }
    }

    /// <summary>Runs the recurring check <typeparamref name="TCheck"/> once for the default tenant's <paramref name="pipeline"/>, in its own scope.</summary>
    public async Task<PipelineRun?> CheckAsync<TCheck>(string pipeline, Func<TCheck, Func<Guid, string, CancellationToken, Task<PipelineRun?>>> check)
        where TCheck : notnull
    {
        using var scope = Factory.Services.CreateScope();
        return await check(scope.ServiceProvider.GetRequiredService<TCheck>())(TenantId.Default.Value, pipeline, CancellationToken.None);
    }

    public void Dispose()
    {
        Api.Dispose();
        Factory.Dispose();
    }
}
