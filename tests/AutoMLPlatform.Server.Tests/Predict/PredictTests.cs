using System.Net;

namespace AutoMLPlatform.Server.Tests.Predict;

[Category("Slow")]
public class PredictTests
{
    private const string Adelie = """{"island": "Torgersen", "bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "male"}""";
    private TrainedPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainOnce() => _platform = await TrainedPlatform.StartAsync();

    [OneTimeTearDown]
    public void Dispose() => _platform.Dispose();

    [Test]
    public async Task One_row_answers_one_prediction_with_class_probabilities()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins", Adelie);
        var prediction = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That((string?)prediction["predictedLabel"], Is.EqualTo("Adelie"));
            Assert.That(prediction["probabilities"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "Adelie", "Chinstrap", "Gentoo" }));
            Assert.That((int?)prediction["version"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_array_answers_one_prediction_per_row_in_order()
    {
        const string gentoo = """{"island": "Biscoe", "bill_length_mm": 50, "bill_depth_mm": 15, "flipper_length_mm": 220, "body_mass_g": 5400, "sex": "male"}""";

        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins", $"[{Adelie},{gentoo}]");
        var body = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        Assert.That(body["predictions"]!.AsArray().Select(p => (string?)p!["predictedLabel"]), Is.EqualTo(new[] { "Adelie", "Gentoo" }));
    }

    [Test]
    public async Task A_version_can_be_named_explicitly()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins?version=1", Adelie);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_left_out_column_is_refused_naming_it()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins", """{"bill_length_mm": 39.1, "bill_depth_mm": 18.7, "flipper_length_mm": 181, "body_mass_g": 3750, "sex": "male"}""");
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("missing-column"));
            Assert.That(problem["errors"]!["island"], Is.Not.Null);
        });
    }

    [Test]
    public async Task A_value_of_the_wrong_type_is_refused_naming_the_field()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins", Adelie.Replace("39.1", "\"long\"", StringComparison.Ordinal));
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!["bill_length_mm"], Is.Not.Null);
    }

    [Test]
    public async Task An_unknown_model_answers_404()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/nope", Adelie);
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");

        Assert.That((string?)problem["errorCode"], Is.EqualTo("model-not-found"));
    }

    [Test]
    public async Task An_unknown_version_answers_404()
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins?version=7", Adelie);

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");
    }

    [TestCase("[]", "empty-batch")]
    [TestCase("42", "invalid-body")]
    [TestCase("{\"island\": ", "invalid-json")]
    public async Task A_body_without_rows_is_refused(string body, string errorCode)
    {
        using var response = await _platform.Api.PostRawJsonAsync("/api/predict/penguins", body);
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
    }
}
