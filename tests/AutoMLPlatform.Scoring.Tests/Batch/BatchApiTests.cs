using System.Net;
using System.Text;

namespace AutoMLPlatform.Scoring.Tests.Batch;

[Category("Slow")]
public class BatchApiTests
{
    private RunningScoringHost _scoring = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scoring = await RunningScoringHost.StartAsync(settings: new() { ["AutoMLPlatform:Scoring:MaxBatchBodyBytes"] = "100000" });
    }

    [OneTimeTearDown]
    public void Stop() => _scoring?.Dispose();

    [Test]
    public async Task A_csv_comes_back_with_its_columns_and_the_prediction_columns_row_for_row()
    {
        const string csv = "id,x1,x2,color\na,0.9,0.5,red\nb,-0.9,-0.5,\n\"c, quoted\",0.7,,blue\n";

        var lines = await PostAsync("/api/predict/rule/batch", csv, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("id,x1,x2,color,predictedLabel,probability_no,probability_yes"));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "a", "b", "\"c" }));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[^3]), Is.EqualTo(new[] { "yes", "no", "yes" }));
        });
    }

    [Test]
    public async Task With_an_id_column_only_the_id_and_the_predictions_come_back()
    {
        var lines = await PostAsync("/api/predict/rule/batch?id=ID", "x1,x2,color,id\n0.9,0.5,red,17\n", HttpStatusCode.OK);

        Assert.That(lines, Is.EqualTo(new[] { "id,predictedLabel,probability_no,probability_yes", lines[1] }));
        Assert.That(lines[1], Does.StartWith("17,yes,"));
    }

    [TestCase("x2,color\n0.5,red\n", "missing-column", "x1")]
    [TestCase("x1,x2,color\n0.9,0.5,red\n0.1,lots,red\n", "wrong-type", "x2")]
    [TestCase("x1,x2,color\n0.9,0.5\n", "csv-ragged-row", "file")]
    [TestCase("", "csv-empty", "file")]
    [TestCase("x1,x2,color\n", "csv-header-only", "file")]
    public async Task A_bad_csv_is_refused_with_400_naming_the_problem(string csv, string errorCode, string field)
    {
        using var response = await _scoring.Client.PostAsync("/api/predict/rule/batch", Csv(csv));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo(errorCode));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
        });
    }

    [Test]
    public async Task A_record_with_more_fields_than_the_limit_is_refused_as_too_many_fields_not_read_whole()
    {
        var csv = "x1,x2,color\n" + new string(',', 20_000) + "\n";

        using var response = await _scoring.Client.PostAsync("/api/predict/rule/batch", Csv(csv));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)problem["errorCode"], Is.EqualTo("csv-too-many-fields"));
            Assert.That((string?)problem["detail"], Does.Contain("10000"));
        });
    }

    [Test]
    public async Task A_batch_over_the_size_limit_is_refused_with_413()
    {
        var csv = "x1,x2,color\n" + string.Concat(Enumerable.Repeat("0.9,0.5,red\n", 10_000));

        using var response = await _scoring.Client.PostAsync("/api/predict/rule/batch", Csv(csv));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task An_unknown_model_is_404_before_any_row_is_read()
    {
        using var response = await _scoring.Client.PostAsync("/api/predict/nope/batch", Csv("x1,x2,color\n0.9,0.5,red\n"));
        var problem = await ScoringHost.ReadObjectAsync(response);

        Assert.That((response.StatusCode, (string?)problem["errorCode"]), Is.EqualTo((HttpStatusCode.NotFound, "model-not-found")));
    }

    private async Task<string[]> PostAsync(string path, string csv, HttpStatusCode expected)
    {
        using var response = await _scoring.Client.PostAsync(path, Csv(csv));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");
}
