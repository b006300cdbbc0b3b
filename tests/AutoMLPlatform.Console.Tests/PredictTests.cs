using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Console.Tests;

/// <summary>The predict form against the real predict endpoint: the answer, and each column's contribution to it.</summary>
[Category("Slow")]
public class PredictTests : ConsoleFixture
{
    private const string Model = "rule";

    private static readonly Dictionary<string, string> Row = new() { ["x1"] = "0.6", ["x2"] = "-0.3", ["color"] = "green" };

    /// <summary>A model whose columns differ only in case or are named like a property every JavaScript object has.</summary>
    private const string Awkward = "awkward";

    private static readonly Dictionary<string, string> AwkwardRow = new() { ["Sc.Var.Maxis"] = "0.9", ["Sc.Var.maxis"] = "-0.4", ["__proto__"] = "0.5", ["a b [c]"] = "red" };

    private static readonly Dictionary<string, object> AwkwardBody = new() { ["Sc.Var.Maxis"] = 0.9, ["Sc.Var.maxis"] = -0.4, ["__proto__"] = 0.5, ["a b [c]"] = "red" };

    [OneTimeSetUp]
    public async Task TrainedBinaryModels()
    {
        await Platform.TrainQuicklyAsync(await Platform.UploadAsync(TestTables.BinaryCsv(300), Model), "y", Model);
        await Platform.TrainQuicklyAsync(await Platform.UploadAsync(AwkwardCsv(300), Awkward), "y", Awkward);
    }

    [Test]
    public async Task A_prediction_shows_each_columns_contribution_as_the_server_computed_it_largest_first()
    {
        var served = await ExplanationFromTheApiAsync();
        var expected = served["contributions"]!.AsObject()
            .OrderByDescending(c => Math.Abs((double)c.Value!))
            .Select(c => $"{c.Key} {ConsoleNumbers.AsShown((double)c.Value!)}");
        OpenTheFormAndFillIn();

        Browser.Find("#predict-submit").Click();

        Browser.WaitFor("#explanation");
        Assert.Multiple(() =>
        {
            Assert.That(Browser.FindAll("#contributions tbody tr").Select(r => r.Text), Is.EqualTo(expected));
            Assert.That(Browser.Find("#explanation-sum").Text, Does.Contain($"{ConsoleNumbers.AsShown((double)served["score"]!)} = base {ConsoleNumbers.AsShown((double)served["base"]!)}"));
            Assert.That(Browser.FindAll("#explanation canvas"), Has.Count.EqualTo(1), "the contributions as a bar chart");
        });
        Browser.Screenshot("predict-explained");
    }

    [Test]
    public void A_prediction_without_the_explain_box_shows_the_answer_alone()
    {
        OpenTheFormAndFillIn();
        Browser.Find("#explain-toggle").Click();

        Browser.Find("#predict-submit").Click();

        Assert.Multiple(() =>
        {
            Assert.That(Browser.WaitFor("#predicted").Text, Is.AnyOf("yes", "no"));
            Assert.That(Browser.FindAll("#explanation"), Is.Empty);
        });
    }

    [Test]
    public async Task Columns_that_differ_only_in_case_or_are_named_like_an_object_s_own_property_are_each_sent_as_themselves()
    {
        var served = await ExplanationFromTheApiAsync(Awkward, AwkwardBody);
        var expected = served["contributions"]!.AsObject()
            .OrderByDescending(c => Math.Abs((double)c.Value!))
            .Select(c => $"{c.Key} {ConsoleNumbers.AsShown((double)c.Value!)}");
        OpenTheFormAndFillIn(Awkward, AwkwardRow);

        Browser.Find("#predict-submit").Click();

        Browser.WaitFor("#explanation");
        Assert.That(Browser.FindAll("#contributions tbody tr").Select(r => r.Text), Is.EqualTo(expected));
    }

    private void OpenTheFormAndFillIn() => OpenTheFormAndFillIn(Model, Row);

    private void OpenTheFormAndFillIn(string model, Dictionary<string, string> row)
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        Browser.Open($"#/predict/{model}");
        Browser.WaitFor("#predict-form");
        foreach (var (column, value) in row)
        {
            Browser.Find($"[data-column='{column}']").SendKeys(value);
        }
    }

    private Task<JsonNode> ExplanationFromTheApiAsync() =>
        ExplanationFromTheApiAsync(Model, new Dictionary<string, object> { ["x1"] = 0.6, ["x2"] = -0.3, ["color"] = "green" });

    private async Task<JsonNode> ExplanationFromTheApiAsync(string model, Dictionary<string, object> body)
    {
        using var api = Platform.Api();
        using var answer = await api.PostAsJsonAsync(new Uri($"/api/predict/{model}?explain=true", UriKind.Relative), body);
        Assert.That(answer.IsSuccessStatusCode, Is.True, await answer.Content.ReadAsStringAsync());
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["explanation"]!;
    }

    /// <summary>y is "yes" when Sc.Var.Maxis − Sc.Var.maxis &gt; 0 (5 % flipped); __proto__ and "a b [c]" are noise.</summary>
    private static string AwkwardCsv(int rows)
    {
        var random = new Random(4);
        var csv = new System.Text.StringBuilder("Sc.Var.Maxis,Sc.Var.maxis,__proto__,a b [c],y\n");
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var (x1, x2) = (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1);
            var positive = (x1 - x2 > 0) ^ (random.NextDouble() < 0.05);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{x1:F4},{x2:F4},{random.NextDouble():F4},{colors[random.Next(3)]},{(positive ? "yes" : "no")}\n");
        }

        return csv.ToString();
    }
}
