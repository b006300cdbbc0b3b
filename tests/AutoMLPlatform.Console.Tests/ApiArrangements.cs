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

    /// <summary>Trains one quick version of a model (5 s, one trial; binary unless told) and waits for it to be registered.</summary>
    public static async Task TrainQuicklyAsync(this PlatformProcess platform, string datasetId, string label, string model, string task = "binary")
    {
        using var api = platform.Api();
        using var submitted = await api.PostAsJsonAsync(new Uri("/api/jobs", UriKind.Relative),
            new { datasetId, label, task, timeBudgetSeconds = 5, maxTrials = 1, modelName = model });
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

    /// <summary>
    /// The version's report once it has both the validation report and permutation importance (importance is written
    /// after the version is registered, so it may trail the job by a moment).
    /// </summary>
    public static async Task<JsonNode> CompleteReportAsync(this PlatformProcess platform, string model, int version)
    {
        using var api = platform.Api();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        JsonNode report;
        do
        {
            report = JsonNode.Parse(await api.GetStringAsync(new Uri($"/api/models/{model}/versions/{version}/report", UriKind.Relative)))!;
            if (report["validation"] is not null && report["importance"] is not null)
            {
                return report;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The report of {model} v{version} lacks validation or importance: {report.ToJsonString()}");
        return report;
    }

    /// <summary>
    /// A three-class table: <c>kind</c> is "low", "mid" or "high" by <c>x1 + 0.5 * x2</c> (thirds of its range, 5 % label
    /// noise), with <c>x3</c> carrying no signal. Numbers only, so every multiclass trainer exports to ONNX.
    /// </summary>
    public static string ThreeClassCsv(int rows, int seed = 11)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder("x1,x2,x3,kind\n");
        string[] kinds = ["low", "mid", "high"];
        for (var i = 0; i < rows; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var x2 = random.NextDouble() * 2 - 1;
            var x3 = random.NextDouble() * 2 - 1;
            var score = x1 + 0.5 * x2;
            var kind = score < -0.5 ? 0 : score < 0.5 ? 1 : 2;
            if (random.NextDouble() < 0.05)
            {
                kind = random.Next(3);
            }

            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{x1:F4},{x2:F4},{x3:F4},{kinds[kind]}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A binary table with a date column: <c>y</c> is "summer" for dates from April to September. Its date parts come from
    /// a custom mapping that has no ONNX form, so a model of it (trained without requireOnnx) is refused at export.
    /// </summary>
    public static string DatedCsv(int rows)
    {
        var text = new System.Text.StringBuilder("x,signed,y\n");
        for (var i = 0; i < rows; i++)
        {
            var day = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 3);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i * 37 % 100 / 50.0 - 1:F2},{day:yyyy-MM-dd},{(day.Month is >= 4 and <= 9 ? "summer" : "winter")}\n");
        }

        return text.ToString();
    }
}
