using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoMLPlatform.Core.Feedback;
using AutoMLPlatform.Scoring.Tests.PredictionLog;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Scoring.Tests.Quality;

/// <summary>
/// Forty rows predicted by the binary model <c>rule</c>, thirty of them given their true labels: the live metrics must
/// be what an offline computation over the same answers and labels gives, written here independently of the engine.
/// </summary>
[Category("Slow")]
public class LiveQualityTests
{
    private const int Rows = 40;
    private const int Labelled = 30;

    private RunningScoringHost _scoring = null!;
    private (double Yes, string Label, bool Truth)[] _answers = null!;
    private string _window = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(settings: new() { ["AutoMLPlatform:Scoring:PredictionLog:QualityGaugeInterval"] = "00:00:00.200" });
        await LoggedRows.SwitchOnAsync(_scoring.Client, "rule");
        var table = TestTables.BinaryCsv(Rows, seed: 11).TrimEnd('\n').Split('\n')[1..].Select(l => l.Split(',')).ToArray();
        var body = "[" + string.Join(',', table.Select(f => $$"""{"x1": {{f[0]}}, "x2": {{f[1]}}, "color": "{{f[2]}}"}""")) + "]";
        var started = DateTimeOffset.UtcNow;
        using var response = await _scoring.PostJsonAsync("/api/predict/rule", body);
        var predictions = (await ScoringHost.ReadObjectAsync(response))["predictions"]!.AsArray();
        var ids = predictions.Select(p => PredictionId.Parse((string)p!["predictionId"]!)).ToArray();
        await LoggedRows.WaitForAsync(_scoring.Host.Services, "rule", ids);
        // The answer's number is the float the model gave, written shortest: read it back as that float.
        _answers = predictions.Select((p, i) => ((double)(float)p!["probabilities"]!["yes"]!, (string)p["predictedLabel"]!, table[i][3] == "yes")).ToArray();
        var feedback = string.Join(',', ids.Take(Labelled).Select((id, i) => $$"""{"predictionId": "{{id}}", "label": "{{table[i][3]}}"}"""));
        using var sent = await _scoring.Client.PostAsync("/api/models/rule/feedback", new StringContent($"[{feedback}]", Encoding.UTF8, "application/json"));
        sent.EnsureSuccessStatusCode();
        var from = started.AddHours(-2).ToString("yyyy-MM-ddTHH:00:00Z", CultureInfo.InvariantCulture);
        var to = started.AddHours(1).ToString("yyyy-MM-ddTHH:00:00Z", CultureInfo.InvariantCulture);
        _window = $"/api/models/rule/versions/1/quality?from={from}&to={to}&window=hour";
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task Live_metrics_equal_an_offline_computation_over_the_same_answers_and_labels()
    {
        var labelled = _answers.Take(Labelled).ToArray();

        var total = (await _scoring.Client.GetFromJsonAsync<JsonObject>(_window))!["total"]!;
        var metrics = total["metrics"]!;

        Assert.Multiple(() =>
        {
            Assert.That((double)metrics["accuracy"]!, Is.EqualTo(labelled.Count(a => (a.Yes >= 0.5) == a.Truth) / (double)Labelled));
            Assert.That((double)metrics["auc"]!, Is.EqualTo(PairwiseAuc(labelled)));
            Assert.That((double)metrics["f1"]!, Is.EqualTo(F1(labelled)));
            Assert.That((double)metrics["logloss"]!, Is.EqualTo(labelled.Average(a => -Math.Log(Math.Clamp(a.Truth ? a.Yes : 1 - a.Yes, 1e-15, 1 - 1e-15)))).Within(1e-12));
            Assert.That((int)total["labelled"]!, Is.EqualTo(Labelled));
            Assert.That((double)total["labelledShare"]!, Is.EqualTo(0.75));
            Assert.That((double)total["predictionDistribution"]!["yes"]!, Is.EqualTo(_answers.Count(a => a.Label == "yes")));
        });
    }

    [Test]
    public async Task Windows_split_the_range_by_hour_and_hold_every_prediction_once()
    {
        var windows = (await _scoring.Client.GetFromJsonAsync<JsonObject>(_window))!["windows"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(windows, Has.Count.EqualTo(3));
            Assert.That(windows.Sum(w => (int)w!["predictions"]!), Is.EqualTo(Rows));
        });
    }

    [TestCase("window=week", "invalid-window")]
    [TestCase("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "invalid-range")]
    [TestCase("from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z&window=hour", "too-many-windows")]
    public async Task Bad_ranges_are_problems_with_their_error_code(string query, string errorCode)
    {
        using var response = await _scoring.Client.GetAsync($"/api/models/rule/versions/1/quality?{query}");
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
    }

    [Test]
    public async Task The_live_accuracy_gauge_on_metrics_shows_the_same_accuracy()
    {
        var expected = _answers.Take(Labelled).Count(a => (a.Yes >= 0.5) == a.Truth) / (double)Labelled;
        var pattern = new Regex(@"^scoring_live_quality\{[^}]*metric=""accuracy""[^}]*model=""rule""[^}]*\} (\S+)", RegexOptions.Multiline);

        var value = await GaugeAsync(pattern);

        Assert.That(value, Is.EqualTo(expected).Within(1e-9));
    }

    private async Task<double> GaugeAsync(Regex pattern)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var match = pattern.Match(await _scoring.Client.GetStringAsync("/metrics"));
            if (match.Success || DateTime.UtcNow > deadline)
            {
                return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The share of (positive, negative) pairs the positive scores higher, ties counting half.</summary>
    private static double PairwiseAuc((double Yes, string Label, bool Truth)[] rows)
    {
        var positives = rows.Where(r => r.Truth).Select(r => (float)r.Yes).ToArray();
        var negatives = rows.Where(r => !r.Truth).Select(r => (float)r.Yes).ToArray();
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
        return wins / (positives.Length * (double)negatives.Length);
    }

    private static double F1((double Yes, string Label, bool Truth)[] rows)
    {
        var tp = rows.Count(r => r.Truth && r.Yes >= 0.5);
        var fp = rows.Count(r => !r.Truth && r.Yes >= 0.5);
        var fn = rows.Count(r => r.Truth && r.Yes < 0.5);
        return 2.0 * tp / (2 * tp + fp + fn);
    }
}
