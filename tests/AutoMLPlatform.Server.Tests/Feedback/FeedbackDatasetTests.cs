using System.Net;
using System.Net.Http.Json;

namespace AutoMLPlatform.Server.Tests.Feedback;

/// <summary>Production rows with their true outcomes back into training: logged predictions with feedback become a dataset version.</summary>
[Category("Slow")]
public class FeedbackDatasetTests
{
    private const string Adelie = """{"island": "Torgersen", "bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "male"}""";
    private const string Gentoo = """{"island": "Biscoe", "bill_length_mm": 50, "bill_depth_mm": 15, "flipper_length_mm": 220, "body_mass_g": 5400, "sex": "female"}""";
    private TrainedPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainOnce() => _platform = await TrainedPlatform.StartAsync();

    [OneTimeTearDown]
    public void Dispose() => _platform.Dispose();

    [Test]
    public async Task Logged_predictions_with_feedback_become_a_dataset_version_of_the_input_columns_and_the_label()
    {
        var api = _platform.Api;
        (await api.Http.PutAsJsonAsync("/api/models/penguins/prediction-log", new { sampleRate = 1, retentionDays = 7 })).EnsureSuccessStatusCode();
        using var predicted = await api.PostRawJsonAsync("/api/predict/penguins", $"[{Adelie},{Gentoo},{Adelie}]");
        var ids = (await ApiClient.ReadObjectAsync(predicted, HttpStatusCode.OK))["predictions"]!.AsArray().Select(p => (string)p!["predictionId"]!).ToArray();
        await WaitUntilLoggedAsync(api, ids[2]);
        using var sent = await api.PostRawJsonAsync("/api/models/penguins/feedback",
            $$"""[{"predictionId": "{{ids[0]}}", "label": "Adelie"}, {"predictionId": "{{ids[1]}}", "label": "Gentoo"}]""");
        await ApiClient.ReadObjectAsync(sent, HttpStatusCode.OK);

        using var built = await api.PostRawJsonAsync("/api/models/penguins/versions/1/feedback-dataset", """{"dataset": "penguins-live"}""");
        var dataset = await ApiClient.ReadObjectAsync(built, HttpStatusCode.Created);
        var preview = await api.GetObjectAsync($"/api/datasets/{(string)dataset["id"]!}");

        Assert.Multiple(() =>
        {
            Assert.That((long)dataset["rowCount"]!, Is.EqualTo(2), "the row without feedback is left out");
            Assert.That(preview.ToJsonString(), Does.Contain("species").And.Contain("flipper_length_mm"));
        });
    }

    [Test]
    public async Task A_version_without_feedback_gives_no_dataset()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/models/penguins/versions/1/feedback-dataset",
            """{"dataset": "empty-live", "from": "2020-01-01T00:00:00Z", "to": "2020-01-02T00:00:00Z"}""");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("no-feedback"));
    }

    /// <summary>The writer stores rows off the request path: feedback for the last id is accepted once it is stored.</summary>
    private static async Task WaitUntilLoggedAsync(ApiClient api, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var probe = await api.PostRawJsonAsync("/api/models/penguins/feedback", $$"""[{"predictionId": "{{id}}", "label": "nope"}]""");
            var answer = await ApiClient.ReadObjectAsync(probe, HttpStatusCode.OK);
            if ((string?)answer["results"]![0]!["errorCode"] != "unknown-prediction")
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
