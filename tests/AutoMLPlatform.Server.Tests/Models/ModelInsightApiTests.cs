using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace AutoMLPlatform.Server.Tests.Models;

[Category("Slow")]
public class ModelInsightApiTests
{
    private TrainedPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task TrainOnce() => _platform = await TrainedPlatform.StartAsync();

    [OneTimeTearDown]
    public void Dispose() => _platform.Dispose();

    [Test]
    public async Task A_trained_version_has_a_validation_report_that_agrees_with_its_metrics()
    {
        var metrics = (await _platform.Api.GetObjectAsync("/api/models/penguins/versions/1"))["metrics"]!;

        var report = await _platform.Api.GetObjectAsync("/api/models/penguins/versions/1/report");

        var validation = report["validation"]!["classification"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)report["validation"]!["source"], Is.EqualTo("validation"));
            Assert.That((double)validation["accuracy"]!, Is.EqualTo((double)metrics["accuracy"]!).Within(1e-9));
            Assert.That((double)validation["logLoss"]!, Is.EqualTo((double)metrics["logloss"]!).Within(1e-6));
            Assert.That(validation["confusionMatrix"]!.AsArray().SelectMany(r => r!.AsArray()).Sum(c => (int)c!), Is.EqualTo((int)report["validation"]!["rows"]!));
            Assert.That(validation["classes"]!.AsArray().Select(c => (string?)c!["class"]), Is.EquivalentTo(new[] { "Adelie", "Chinstrap", "Gentoo" }));
            Assert.That(validation["curves"]!.AsArray(), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task A_trained_version_has_permutation_importance_for_every_input_column()
    {
        var inputs = (await _platform.Api.GetObjectAsync("/api/models/penguins/versions/1"))["inputs"]!.AsArray().Select(i => (string?)i!["name"]);

        var importance = (await _platform.Api.GetObjectAsync("/api/models/penguins/versions/1/report"))["importance"]!;

        Assert.Multiple(() =>
        {
            Assert.That(importance["columns"]!.AsArray().Select(c => (string?)c!["column"]), Is.EquivalentTo(inputs));
            Assert.That((int)importance["repeats"]!, Is.GreaterThanOrEqualTo(1));
            Assert.That((double)importance["columns"]![0]!["mean"]!, Is.GreaterThan(0), "the best column matters to a model that separates penguins");
        });
    }

    [Test]
    public async Task Evaluating_on_an_uploaded_test_set_stores_a_dataset_report()
    {
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Samples, "penguins", "test.csv"));
        var dataset = await _platform.Api.UploadOkAsync("penguins-test.csv", csv, "penguins-test");

        using var response = await _platform.Api.PostJsonAsync("/api/models/penguins/versions/1/evaluate", new { datasetId = (string)dataset["id"]! });
        var evaluated = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);
        var stored = await _platform.Api.GetObjectAsync("/api/models/penguins/versions/1/report");

        Assert.Multiple(() =>
        {
            Assert.That((string?)evaluated["source"], Is.EqualTo("dataset"));
            Assert.That((int)evaluated["rows"]!, Is.EqualTo(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1));
            Assert.That((double)evaluated["classification"]!["accuracy"]!, Is.GreaterThan(0.8));
            Assert.That(stored["evaluation"]!.ToJsonString(), Is.EqualTo(evaluated.ToJsonString()));
        });
    }

    [Test]
    public async Task Evaluating_on_a_dataset_without_the_models_columns_is_a_400_naming_them()
    {
        var dataset = await _platform.Api.UploadOkAsync("other.csv", TestTables.BinaryCsv(30), "unrelated");

        using var response = await _platform.Api.PostJsonAsync("/api/models/penguins/versions/1/evaluate", new { datasetId = (string)dataset["id"]! });
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("columns-mismatch"));
            Assert.That((string?)problem["detail"], Does.Contain("'bill_length_mm'").And.Contain("'species'"));
        });
    }

    [Test]
    public async Task Evaluating_on_a_dataset_without_labels_is_a_400()
    {
        var dataset = await _platform.Api.UploadOkAsync("unlabelled.csv",
            "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n,Biscoe,50.1,15.2,221,5300,male\n,Dream,39.5,17.4,186,3800,female\n",
            "unlabelled");

        using var response = await _platform.Api.PostJsonAsync("/api/models/penguins/versions/1/evaluate", new { datasetId = (string)dataset["id"]! });
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That((string?)problem["errorCode"], Is.EqualTo("no-labelled-rows"));
    }

    [Test]
    public async Task Evaluating_without_a_dataset_is_a_400()
    {
        using var response = await _platform.Api.PostJsonAsync("/api/models/penguins/versions/1/evaluate", new { });

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("datasetId"));
    }

    [Test]
    public async Task Evaluating_on_a_missing_dataset_is_a_404()
    {
        using var response = await _platform.Api.PostJsonAsync("/api/models/penguins/versions/1/evaluate", new { datasetId = Guid.NewGuid().ToString() });

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "dataset-not-found");
    }

    [TestCase("/api/models/penguins/versions/9/report")]
    [TestCase("/api/models/nobody/versions/1/report")]
    public async Task The_report_of_an_unknown_version_is_a_404(string path)
    {
        using var response = await _platform.Api.Http.GetAsync(path);

        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");

        Assert.That((string?)problem["errorCode"], Is.EqualTo("model-not-found"));
    }

    [Test]
    public async Task Evaluating_an_unknown_version_is_a_404()
    {
        using var response = await _platform.Api.Http.PostAsJsonAsync("/api/models/penguins/versions/9/evaluate", new JsonObject());

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");
    }

    [Test]
    public async Task A_regression_version_exports_as_an_onnx_file_that_onnx_runtime_loads()
    {
        var dataset = await _platform.Api.UploadOkAsync("amounts.csv", TestTables.BinaryCsv(200), "amounts");
        var job = await _platform.Api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "x1", timeBudgetSeconds = 5, maxTrials = 1, modelName = "amounts" });
        await _platform.Api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));

        using var response = await _platform.Api.Http.GetAsync("/api/models/amounts/versions/1/onnx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var session = new InferenceSession(await response.Content.ReadAsByteArrayAsync());

        Assert.Multiple(() =>
        {
            Assert.That(session.InputMetadata.Keys, Is.EquivalentTo(new[] { "x2", "color", "y" }));
            Assert.That(session.OutputMetadata.Keys, Does.Contain("Score.output"));
        });
    }

    [Test]
    public async Task A_binary_version_exports_with_its_label_and_probability_outputs()
    {
        var dataset = await _platform.Api.UploadOkAsync("rule.csv", TestTables.BinaryCsv(200), "rule");
        var job = await _platform.Api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = "rule" });
        await _platform.Api.WaitForJobAsync((string)job["id"]!, TimeSpan.FromMinutes(2));

        using var response = await _platform.Api.Http.GetAsync("/api/models/rule/versions/1/onnx");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var session = new InferenceSession(await response.Content.ReadAsByteArrayAsync());

        Assert.That(session.OutputMetadata.Keys, Is.SupersetOf(new[] { "PredictedLabel.output", "Probability.output" }));
    }

    // Dates become features through a custom mapping with no ONNX form; requireOnnx leaves the date column out.
    [TestCase(false, HttpStatusCode.UnprocessableEntity)]
    [TestCase(true, HttpStatusCode.OK)]
    public async Task A_table_with_dates_exports_when_its_job_required_onnx(bool requireOnnx, HttpStatusCode expected)
    {
        var name = requireOnnx ? "dated-onnx" : "dated";
        var dataset = await _platform.Api.UploadOkAsync($"{name}.csv", DatedCsv(), name);
        var submitted = await _platform.Api.SubmitJobAsync(new { datasetId = (string)dataset["id"]!, label = "y", timeBudgetSeconds = 5, maxTrials = 1, modelName = name, requireOnnx });
        var job = await _platform.Api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(2));

        using var response = await _platform.Api.Http.GetAsync($"/api/models/{name}/versions/1/onnx");

        Assert.Multiple(() =>
        {
            Assert.That((string?)job["status"], Is.EqualTo("succeeded"));
            Assert.That(response.StatusCode, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Exporting_an_unknown_version_is_a_404()
    {
        using var response = await _platform.Api.Http.GetAsync("/api/models/penguins/versions/9/onnx");

        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound, "model-not-found");
    }

    private static string DatedCsv()
    {
        var text = new System.Text.StringBuilder("x,signed,y\n");
        for (var i = 0; i < 120; i++)
        {
            var day = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 5);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(i * 37 % 100) / 50.0 - 1:F2},{day:yyyy-MM-dd},{(day.Month is >= 4 and <= 9 ? "summer" : "winter")}\n");
        }

        return text.ToString();
    }
}
