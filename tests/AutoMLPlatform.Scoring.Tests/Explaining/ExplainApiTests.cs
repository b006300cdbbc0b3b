using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Scoring.Tests.Explaining;

[Category("Slow")]
public class ExplainApiTests
{
    private const string Rows = """[{"a": 0.9, "b": 0.1, "c": -0.2, "color": "red"}, {"a": -0.8, "b": -0.3, "c": 0.5, "color": "blue"}, {"a": 0.7, "b": 0.6, "c": 0.0, "color": "green"}]""";
    private const string WideRows = """[{"x0": 0.9, "x1": 0.1, "x2": -0.2, "x3": 0.3, "x4": 0.5, "x5": -0.5, "x6": 0.1, "x7": 0.2, "x8": -0.9, "x9": 0.4, "x10": 0.0, "x11": 0.6}]""";

    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(async stores =>
        {
            await RegisteredModels.TrainAndRegisterAsync(stores, PlantedCsv(400, classes: false), "y", "linear", trainer: "Sdca");
            await RegisteredModels.TrainAndRegisterAsync(stores, PlantedCsv(400, classes: false), "y", "trees", trainer: "LightGbm");
            await RegisteredModels.TrainAndRegisterAsync(stores, PlantedCsv(400, classes: true), "y", "classes", trainer: "LightGbm");
            await RegisteredModels.TrainAndRegisterAsync(stores, WideCsv(300), "y", "wide", trainer: "Sdca");
        }, settings: new() { ["AutoMLPlatform:Scoring:MaxExplainRowsPerRequest"] = "3" });
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [TestCase("linear", Rows)]
    [TestCase("trees", Rows)]
    [TestCase("wide", WideRows)]
    public async Task Base_plus_contributions_is_the_predicted_value(string model, string rows)
    {
        var predictions = await ExplainAsync(model, rows);

        Assert.That(predictions.Select(p => Explained(p) - (double)p["predictedValue"]!), Has.All.EqualTo(0).Within(1e-4));
    }

    [Test]
    public async Task Base_plus_contributions_is_the_probability_of_the_predicted_class()
    {
        var predictions = await ExplainAsync("classes", Rows);

        Assert.That(predictions.Select(p => Explained(p) - (double)p["probabilities"]![(string)p["predictedLabel"]!]!), Has.All.EqualTo(0).Within(1e-4));
    }

    [Test]
    public async Task A_binary_model_explains_its_raw_score()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/rule?explain=true", ScoringHost.Row);
        var explanation = (await ScoringHost.ReadObjectAsync(response))["explanation"]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)explanation["explains"], Is.EqualTo("score"));
            Assert.That((double)explanation["base"]! + Sum(explanation) - (double)explanation["score"]!, Is.EqualTo(0).Within(1e-4));
            Assert.That(MostInfluential(explanation), Is.EqualTo("x1"));
        });
    }

    [TestCase("linear")]
    [TestCase("trees")]
    public async Task The_planted_column_contributes_most_where_it_is_far_from_its_mean(string model)
    {
        var predictions = await ExplainAsync(model, Rows);

        Assert.That(predictions.Select(p => MostInfluential(p["explanation"]!)), Has.All.EqualTo("a"));
    }

    [TestCase("linear", Rows, "exact-shapley", 4)]
    [TestCase("wide", WideRows, "sampling-shapley", 12)]
    public async Task Every_input_column_gets_a_contribution_by_the_method_its_width_allows(string model, string rows, string method, int columns)
    {
        var explanation = (await ExplainAsync(model, rows))[0]["explanation"]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)explanation["method"], Is.EqualTo(method));
            Assert.That(explanation["contributions"]!.AsObject(), Has.Count.EqualTo(columns));
        });
    }

    [Test]
    public async Task More_rows_than_the_explain_limit_is_a_400_naming_the_limit()
    {
        using var response = await _scoring.PostJsonAsync("/api/predict/linear?explain=true", Rows.Replace("]", """, {"a": 0, "b": 0, "c": 0, "color": "red"}]""", StringComparison.Ordinal));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("too-many-rows-to-explain"));
            Assert.That((string?)problem["detail"], Does.Contain("at most 3 rows"));
        });
    }

    [Test]
    public async Task As_many_rows_as_the_limit_are_explained()
    {
        var predictions = await ExplainAsync("linear", Rows);

        Assert.That(predictions.Select(p => p["explanation"]).ToArray(), Has.Length.EqualTo(3).And.All.Not.Null);
    }

    [TestCase("")]
    [TestCase("?explain=false")]
    public async Task Without_explain_true_no_prediction_has_an_explanation(string query)
    {
        using var single = await _scoring.PostJsonAsync("/api/predict/linear" + query, """{"a": 0.9, "b": 0.1, "c": -0.2, "color": "red"}""");
        using var many = await _scoring.PostJsonAsync("/api/predict/linear" + query, Rows.Replace("]", ", " + Rows[1..], StringComparison.Ordinal));
        var one = await ScoringHost.ReadObjectAsync(single);
        var array = (await ScoringHost.ReadObjectAsync(many))["predictions"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(single.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(one.ContainsKey("predictedValue") && !one.ContainsKey("explanation"), Is.True);
            Assert.That(array, Has.Count.GreaterThan(3));
            Assert.That(array.Select(p => p!.AsObject().ContainsKey("explanation")), Has.All.False);
        });
    }

    private async Task<JsonNode[]> ExplainAsync(string model, string rows)
    {
        using var response = await _scoring.PostJsonAsync($"/api/predict/{model}?explain=true", rows);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return [.. (await ScoringHost.ReadObjectAsync(response))["predictions"]!.AsArray().Select(p => p!)];
    }

    private static double Explained(JsonNode prediction) => (double)prediction["explanation"]!["base"]! + Sum(prediction["explanation"]!);

    private static double Sum(JsonNode explanation) => explanation["contributions"]!.AsObject().Sum(c => (double)c.Value!);

    private static string MostInfluential(JsonNode explanation) => explanation["contributions"]!.AsObject().MaxBy(c => Math.Abs((double)c.Value!)).Key;

    /// <summary>
    /// <c>y</c> is 4·a + 0.5·b plus a little noise (or, with <paramref name="classes"/>, low / mid / high by a); <c>c</c>
    /// and <c>color</c> carry no signal.
    /// </summary>
    private static string PlantedCsv(int rows, bool classes)
    {
        var random = new Random(11);
        var text = new StringBuilder("a,b,c,color,y\n");
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var a = (random.NextDouble() * 2) - 1;
            var b = (random.NextDouble() * 2) - 1;
            var c = (random.NextDouble() * 2) - 1;
            var y = (4 * a) + (0.5 * b) + ((random.NextDouble() - 0.5) * 0.1);
            var label = classes ? (a < -0.33 ? "low" : a > 0.33 ? "high" : "mid") : y.ToString("F4", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{a:F4},{b:F4},{c:F4},{colors[random.Next(3)]},{label}\n");
        }

        return text.ToString();
    }

    /// <summary>Twelve numeric columns, more than are explained exactly; <c>y</c> is 3·x0 + 0.3·x1 plus a little noise.</summary>
    private static string WideCsv(int rows)
    {
        var random = new Random(5);
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, 12).Select(i => $"x{i}")) + ",y\n");
        for (var i = 0; i < rows; i++)
        {
            var x = Enumerable.Range(0, 12).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            var y = (3 * x[0]) + (0.3 * x[1]) + ((random.NextDouble() - 0.5) * 0.1);
            text.Append(string.Join(',', x.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))).Append(CultureInfo.InvariantCulture, $",{y:F4}\n");
        }

        return text.ToString();
    }
}
