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

    [OneTimeSetUp]
    public async Task ATrainedBinaryModel() =>
        await Platform.TrainQuicklyAsync(await Platform.UploadAsync(TestTables.BinaryCsv(300), Model), "y", Model);

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

    private void OpenTheFormAndFillIn()
    {
        Browser.SignIn(TestKeys.Admin);
        Browser.WaitFor("#nav");
        Browser.Open($"#/predict/{Model}");
        Browser.WaitFor("#predict-form");
        foreach (var (column, value) in Row)
        {
            Browser.Find($"[data-column='{column}']").SendKeys(value);
        }
    }

    private async Task<JsonNode> ExplanationFromTheApiAsync()
    {
        using var api = Platform.Api();
        var body = new { x1 = 0.6, x2 = -0.3, color = "green" };
        using var answer = await api.PostAsJsonAsync(new Uri($"/api/predict/{Model}?explain=true", UriKind.Relative), body);
        Assert.That(answer.IsSuccessStatusCode, Is.True, await answer.Content.ReadAsStringAsync());
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["explanation"]!;
    }
}
