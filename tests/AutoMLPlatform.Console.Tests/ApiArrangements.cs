using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Console.Tests;

/// <summary>What a test arranges through the API rather than the browser: data to look at, versions to promote.</summary>
public static class ApiArrangements
{
    /// <summary>Uploads a CSV and returns the dataset's id.</summary>
    public static async Task<string> UploadAsync(this PlatformProcess platform, string csv, string name)
    {
        using var api = platform.Api();
        using var form = new MultipartFormDataContent();
        var file = new StringContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"{name}.csv");
        form.Add(new StringContent(name), "name");
        using var uploaded = await api.PostAsync(new Uri("/api/datasets", UriKind.Relative), form);
        Assert.That(uploaded.IsSuccessStatusCode, Is.True, await uploaded.Content.ReadAsStringAsync());
        return (string)JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>Trains one quick version of a binary model (5 s, one trial) and waits for it to be registered.</summary>
    public static async Task TrainQuicklyAsync(this PlatformProcess platform, string datasetId, string label, string model)
    {
        using var api = platform.Api();
        using var submitted = await api.PostAsJsonAsync(new Uri("/api/jobs", UriKind.Relative),
            new { datasetId, label, task = "binary", timeBudgetSeconds = 5, maxTrials = 1, modelName = model });
        Assert.That(submitted.IsSuccessStatusCode, Is.True, await submitted.Content.ReadAsStringAsync());
        var job = (string)JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["id"]!;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string status;
        do
        {
            await Task.Delay(500);
            status = (string)JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/jobs/{job}", UriKind.Relative)))!["status"]!;
        }
        while (status is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.That(status, Is.EqualTo("succeeded"), $"quick training of {model}");
    }
}
