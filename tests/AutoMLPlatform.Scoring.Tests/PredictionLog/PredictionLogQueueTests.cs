using System.Text;
using System.Text.RegularExpressions;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Scoring.Tests.PredictionLog;

[Category("Slow")]
public class PredictionLogQueueTests
{
    [Test]
    public async Task When_the_queue_is_full_predictions_still_answer_and_the_dropped_rows_are_on_metrics()
    {
        using var directory = new TempDirectory();
        using var host = await ScoringHost.StartAsync(directory, settings: new() { ["AutoMLPlatform:Scoring:PredictionLog:QueueCapacity"] = "1" });
        using var client = host.CreateClient();
        await LoggedRows.SwitchOnAsync(client, "rule");
        var csv = new StringBuilder("x1,x2,color\n").Insert(12, "1,1,red\n", 5000).ToString();

        using var response = await client.PostAsync("/api/predict/rule/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        var metrics = await client.GetStringAsync("/metrics");
        var dropped = long.Parse(Regex.Match(metrics, @"^scoring_prediction_log_dropped_total(\{[^}]*\})? (\d+)", RegexOptions.Multiline).Groups[2].Value,
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(5001), "every row answered");
            Assert.That(dropped, Is.GreaterThan(0));
            Assert.That(lines.Count(l => l.EndsWith(',')), Is.EqualTo(dropped), "a dropped row's id is left empty");
        });
    }
}
