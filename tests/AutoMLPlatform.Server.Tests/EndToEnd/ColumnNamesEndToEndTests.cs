using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace AutoMLPlatform.Server.Tests.EndToEnd;

/// <summary>
/// A table whose columns differ only in case (<c>Sc.Var.Maxis</c>, <c>Sc.Var.maxis</c>), hold dots, spaces, brackets
/// and non-ASCII letters, repeat, have no name, or are named like the engine's own columns, uploaded, trained and used
/// over HTTP: every column stays itself through the schema, JSON, CSV batch, explanations, the Open Inference
/// Protocol, ONNX export and drift.
/// </summary>
[Category("Slow")]
public class ColumnNamesEndToEndTests
{
    private const string Model = "awkward";

    /// <summary>The uploaded header: the awkward names with one left empty and one given twice.</summary>
    private static readonly string[] Uploaded = AwkwardTables.Names.Select((n, i) => i switch { 9 => "", 13 => "a b [c]", _ => n }).ToArray();

    /// <summary>The column names pandas gives that header, which the platform gives it too.</summary>
    private static readonly string[] Stored = AwkwardTables.Names.Select((n, i) => i switch { 9 => "Unnamed: 9", 13 => "a b [c].1", _ => n }).ToArray();

    private static readonly string TrainingCsv = AwkwardTables.Csv(Uploaded, rows: 400);
    private static readonly string TestCsv = AwkwardTables.Csv(Uploaded, rows: 200, seed: 9);

    private PlatformFactory _factory = null!;
    private ApiClient _api = null!;
    private JsonObject _dataset = null!;
    private string[] _inputs = null!;

    [OneTimeSetUp]
    public async Task UploadAndTrainAsync()
    {
        _factory = new PlatformFactory(new() { ["AutoMLPlatform:Scoring:Drift:SampledRowsPerSecond"] = "0" });
        _api = _factory.Api();
        _dataset = await _api.UploadOkAsync("awkward.csv", TrainingCsv, Model);

        // requireOnnx so that the model also exports (it leaves the date column out).
        var submitted = await _api.SubmitJobAsync(new
        {
            datasetId = (string)_dataset["id"]!, label = "Label", task = "binary", timeBudgetSeconds = 20, maxTrials = 8, modelName = Model, requireOnnx = true,
        });
        var job = await _api.WaitForJobAsync((string)submitted["id"]!, TimeSpan.FromMinutes(3));
        Assert.That((string?)job["status"], Is.EqualTo("succeeded"), job.ToJsonString());
        var version = await _api.GetObjectAsync($"/api/models/{Model}/versions/1");
        _inputs = version["inputs"]!.AsArray().Select(i => (string)i!["name"]!).ToArray();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _api.Dispose();
        _factory.Dispose();
    }

    [Test]
    public void The_upload_keeps_every_column_under_the_name_pandas_gives_it()
    {
        var names = _dataset["schema"]!["columns"]!.AsArray().Select(c => (string?)c!["name"]);

        Assert.That(names, Is.EqualTo(Stored));
    }

    [Test]
    public void The_model_reads_both_columns_that_differ_only_in_case()
    {
        Assert.That(_inputs, Is.SupersetOf(new[] { "Sc.Var.Maxis", "Sc.Var.maxis", "a b [c]", "größe", "__Label", "Score" }));
    }

    [Test]
    public async Task Json_fields_bind_by_their_exact_names_and_the_model_predicts_the_held_out_rows_well()
    {
        var (rows, labels) = HeldOut();

        var predicted = await PredictJsonAsync(rows);

        Assert.That(predicted.Zip(labels).Count(p => p.First == p.Second) / (double)labels.Count, Is.GreaterThan(0.8));
    }

    [Test]
    public async Task A_field_matching_two_columns_only_ignoring_case_is_a_400_naming_both()
    {
        var row = HeldOut().Rows[0]!.AsObject().DeepClone().AsObject();
        row.Remove("Sc.Var.Maxis");
        row["sc.var.maxis"] = row["Sc.Var.maxis"]!.DeepClone();
        row.Remove("Sc.Var.maxis");

        using var response = await _api.PostRawJsonAsync($"/api/predict/{Model}", row.ToJsonString());
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("ambiguous-field"));
            Assert.That((string?)problem["detail"], Does.Contain("'Sc.Var.Maxis' and 'Sc.Var.maxis'"));
        });
    }

    [Test]
    public async Task A_csv_batch_with_the_uploaded_header_predicts_what_json_predicts()
    {
        var expected = await PredictJsonAsync(HeldOut().Rows);

        using var response = await _api.Http.PostAsync(new Uri($"/api/predict/{Model}/batch", UriKind.Relative), new StringContent(TestCsv, Encoding.UTF8, "text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), lines[0]);
            Assert.That(lines[0], Is.EqualTo($"{AwkwardTables.Header(Uploaded)},predictedLabel,probability_no,probability_yes"));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[^3]), Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Explanations_are_keyed_by_the_exact_column_names()
    {
        var row = HeldOut().Rows[0]!.ToJsonString();

        using var response = await _api.PostRawJsonAsync($"/api/predict/{Model}?explain=true", row);
        var explanation = (await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK))["explanation"]!;
        var contributions = explanation["contributions"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(contributions.Select(c => c.Key), Is.EquivalentTo(_inputs));
            Assert.That((double)explanation["base"]! + contributions.Sum(c => (double)c.Value!), Is.EqualTo((double)explanation["score"]!).Within(1e-4));
        });
    }

    [Test]
    public async Task Open_inference_protocol_inputs_named_by_the_columns_predict_what_json_predicts()
    {
        var rows = HeldOut().Rows.Take(3).Select(r => r!.AsObject()).ToArray();
        var expected = await PredictJsonAsync(new JsonArray(rows.Select(r => r.DeepClone()).ToArray()));
        var inputs = new JsonArray(_inputs.Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["shape"] = new JsonArray(JsonValue.Create(rows.Length)),
            ["datatype"] = rows.All(r => r[name] is null || r[name]!.GetValueKind() == System.Text.Json.JsonValueKind.Number) ? "FP64" : "BYTES",
            ["data"] = new JsonArray(rows.Select(r => r[name]?.DeepClone()).ToArray()),
        }).ToArray());

        using var response = await _api.PostRawJsonAsync($"/v2/models/{Model}/infer", new JsonObject { ["inputs"] = inputs }.ToJsonString());
        var body = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);

        Assert.That(body["outputs"]![0]!["data"]!.AsArray().Select(v => (string?)v), Is.EqualTo(expected));
    }

    [Test]
    public async Task An_open_inference_protocol_input_matching_two_columns_only_ignoring_case_is_a_400_naming_both()
    {
        const string request = """{"inputs": [{"name": "SC.VAR.MAXIS", "shape": [1], "datatype": "FP32", "data": [0.5]}]}""";

        using var response = await _api.PostRawJsonAsync($"/v2/models/{Model}/infer", request);
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That((string?)problem["errorCode"], Is.EqualTo("ambiguous-input"));
            Assert.That((string?)problem["error"], Does.Contain("'Sc.Var.Maxis' and 'Sc.Var.maxis'"));
        });
    }

    [Test]
    public async Task The_onnx_export_names_its_inputs_after_the_columns()
    {
        using var response = await _api.Http.GetAsync(new Uri($"/api/models/{Model}/versions/1/onnx", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        using var session = new InferenceSession(await response.Content.ReadAsByteArrayAsync());

        Assert.That(session.InputMetadata.Keys, Is.EquivalentTo(_inputs));
    }

    [Test]
    public async Task Drift_compares_each_column_with_its_own_training_values()
    {
        using (var scored = await _api.Http.PostAsync(new Uri($"/api/predict/{Model}/batch", UriKind.Relative), new StringContent(TrainingCsv, Encoding.UTF8, "text/csv")))
        {
            Assert.That(scored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var drift = await _api.GetObjectAsync($"/api/models/{Model}/versions/1/drift");
        var psi = drift["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (double)c!["psi"]!);

        // x2 (Sc.Var.maxis) lies in [0, 2], x1 (Sc.Var.Maxis) in [-1, 1]: a reference taken from the wrong twin shows as drift.
        Assert.That(new[] { psi["Sc.Var.Maxis"], psi["Sc.Var.maxis"] }, Has.All.LessThan(0.1));
    }

    /// <summary>The held-out rows as JSON objects under the stored column names (numbers typed, empty cells null), and their labels.</summary>
    private static (JsonArray Rows, List<string> Labels) HeldOut()
    {
        var lines = TestCsv.TrimEnd('\n').Split('\n');
        var rows = new JsonArray();
        var labels = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var row = new JsonObject();
            for (var i = 0; i < Stored.Length - 1; i++)
            {
                row[Stored[i]] = cells[i].Length == 0 ? null
                    : double.TryParse(cells[i], CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(cells[i]);
            }

            rows.Add(row);
            labels.Add(cells[^1]);
        }

        return (rows, labels);
    }

    private async Task<List<string?>> PredictJsonAsync(JsonArray rows)
    {
        using var response = await _api.PostRawJsonAsync($"/api/predict/{Model}", rows.ToJsonString());
        var body = await ApiClient.ReadObjectAsync(response, HttpStatusCode.OK);
        return body["predictions"]!.AsArray().Select(p => (string?)p!["predictedLabel"]).ToList();
    }
}
