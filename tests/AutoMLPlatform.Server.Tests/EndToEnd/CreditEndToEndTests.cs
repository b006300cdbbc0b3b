using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Server.Tests.EndToEnd;

[Category("Slow")]
public class CreditEndToEndTests
{
    /// <summary>
    /// Majority class is 0.72; the spine's search reached 0.80 over HTTP on the held-out rows (e2e-credit, 30 s budget).
    /// </summary>
    private const double MinimumAccuracy = 0.76;

    [Test]
    public async Task A_model_trained_over_http_predicts_the_held_out_credit_rows_well()
    {
        using var factory = new PlatformFactory();
        using var api = factory.Api();
        var train = await File.ReadAllTextAsync(RepositoryPaths.SharedDataset("credit", "train.csv"));
        var dataset = await api.UploadOkAsync("credit.csv", train, "credit");

        var submitted = await api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "Status", task = "binary", timeBudgetSeconds = 20, modelName = "credit" });
        var job = await api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(3));
        var (rows, labels) = await HeldOutAsync();
        using var response = await api.PostRawJsonAsync("/api/predict/credit", rows.ToJsonString());
        var predictions = (await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK))["predictions"]!.AsArray();
        var accuracy = predictions.Zip(labels).Count(p => (string?)p.First!["predictedLabel"] == p.Second) / (double)labels.Count;

        Assert.Multiple(() =>
        {
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
            Assert.That(job["leaderboard"]!.AsArray(), Is.Not.Empty);
            Assert.That(job["leaderboard"]!.AsArray().Select(t => (string?)t!["selection"]), Has.Some.StartsWith("chance "),
                "the leaderboard says why each trainer got its trials");
            Assert.That(predictions, Has.Count.EqualTo(labels.Count));
            Assert.That(accuracy, Is.GreaterThanOrEqualTo(MinimumAccuracy));
        });
    }

    /// <summary>The test rows as JSON objects (numbers typed, empty cells null) and their labels.</summary>
    private static async Task<(JsonArray Rows, List<string> Labels)> HeldOutAsync()
    {
        var lines = await File.ReadAllLinesAsync(RepositoryPaths.SharedDataset("credit", "test.csv"));
        var header = lines[0].Split(',');
        var rows = new JsonArray();
        var labels = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i] == "Status")
                {
                    labels.Add(cells[i]);
                    continue;
                }

                row[header[i]] = cells[i].Length == 0 ? null
                    : double.TryParse(cells[i], CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(cells[i]);
            }

            rows.Add(row);
        }

        return (rows, labels);
    }
}
