using System.Net;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Client.Predictions;

namespace AutoMLPlatform.Client.Tests.Predictions;

[Category("Slow")]
public class PredictionsClientTests
{
    private TrainedModel _trained = null!;
    private PredictionsClient Predictions => _trained.Client.Predictions;

    [OneTimeSetUp]
    public async Task TrainAsync() => _trained = await TrainedModel.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _trained.Dispose();

    [Test]
    public async Task A_typed_row_gets_a_typed_prediction_from_the_production_version()
    {
        var prediction = await Predictions.PredictAsync<RuleRow, RulePrediction>(TrainedModel.Name, new RuleRow(0.9f, 0.5f, "red"));

        Assert.Multiple(() =>
        {
            Assert.That(prediction.Model, Is.EqualTo(TrainedModel.Name));
            Assert.That(prediction.Version, Is.EqualTo(1));
            Assert.That(prediction.PredictedLabel, Is.EqualTo("yes"));
            Assert.That(prediction.Probabilities.Values.Sum(), Is.EqualTo(1).Within(1e-3));
        });
    }

    [Test]
    public async Task Texts_get_one_unit_length_sentence_vector_each_in_order()
    {
        var embeddings = await Predictions.EmbedAsync(["fresh bread", "a fast car"]);

        Assert.Multiple(() =>
        {
            Assert.That((embeddings.Model, embeddings.Dimension), Is.EqualTo(("all-MiniLM-L6-v2", 384)));
            Assert.That(embeddings.Vectors.Select(v => v.Length), Is.EqualTo(new[] { 384, 384 }));
            Assert.That(embeddings.Vectors.Select(v => Math.Sqrt(v.Sum(x => (double)x * x))), Has.All.EqualTo(1).Within(1e-4));
        });
    }

    [Test]
    public async Task Typed_rows_get_their_predictions_in_order()
    {
        var predictions = await Predictions.PredictManyAsync<RuleRow, RulePrediction>(TrainedModel.Name,
            [new RuleRow(0.9f, 0.5f, "red"), new RuleRow(-0.9f, -0.5f, "blue")]);

        Assert.That(predictions.Select(p => p.PredictedLabel), Is.EqualTo(new[] { "yes", "no" }));
    }

    [Test]
    public async Task Dictionary_rows_with_a_missing_value_are_predicted_and_explained_by_version()
    {
        var row = new Dictionary<string, object?> { ["x1"] = 0.9, ["x2"] = 0.5, ["color"] = null };

        var one = await Predictions.PredictAsync(TrainedModel.Name, row, new PredictOptions(Version: 1, Explain: true));
        var many = await Predictions.PredictManyAsync(TrainedModel.Name, [row, row], new PredictOptions(Alias: "production"));

        Assert.Multiple(() =>
        {
            Assert.That(one.PredictedLabel, Is.EqualTo("yes"));
            Assert.That(one.Explanation!.Contributions.Keys, Is.EquivalentTo(new[] { "x1", "x2", "color" }));
            Assert.That(one.Explanation.Base + one.Explanation.Contributions.Values.Sum(), Is.EqualTo(one.Explanation.Score).Within(1e-4));
            Assert.That(many.Predictions, Has.Count.EqualTo(2));
            Assert.That(many.Predictions.Select(p => (p.Model, p.Version)), Is.All.EqualTo((TrainedModel.Name, 1)));
        });
    }

    [Test]
    public async Task Raw_json_rows_get_the_platforms_json_answer()
    {
        using var rows = JsonDocument.Parse("""[{"x1": 0.9, "x2": 0.5, "color": "red"}]""");

        var answer = await Predictions.PredictJsonAsync(TrainedModel.Name, rows.RootElement);

        Assert.That(answer.GetProperty("predictions")[0].GetProperty("predictedLabel").GetString(), Is.EqualTo("yes"));
    }

    [Test]
    public async Task A_csv_batch_streams_back_its_rows_with_prediction_columns_and_the_id_column()
    {
        var csv = "id,x1,x2,color\na,0.9,0.5,red\nb,-0.9,-0.5,blue\n";
        using var output = new MemoryStream();

        var result = await Predictions.PredictCsvAsync(TrainedModel.Name, new MemoryStream(Encoding.UTF8.GetBytes(csv)), output, new BatchPredictOptions(IdColumn: "id"));

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new BatchPredictionResult(TrainedModel.Name, 1)));
            Assert.That(lines, Has.Length.EqualTo(3));
            Assert.That(lines[0], Does.StartWith("id,").And.Contain("predictedLabel"));
            Assert.That(lines[1], Does.StartWith("a,").And.Contain(",yes,"));
        });
    }

    [Test]
    public void A_row_missing_a_required_column_is_refused_400_naming_it()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() =>
            Predictions.PredictAsync(TrainedModel.Name, new Dictionary<string, object?> { ["x2"] = 0.5, ["color"] = "red" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Detail, Does.Contain("x1"));
        });
    }

    [Test]
    public void An_unknown_model_is_404()
    {
        var error = Assert.ThrowsAsync<AutoMLPlatformException>(() => Predictions.PredictAsync<RuleRow, RulePrediction>("nobody", new RuleRow(0, 0, "red")));

        Assert.That((error!.Status, error.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "model-not-found")));
    }

    /// <summary>A row of the rule table, as an application would declare it.</summary>
    private sealed record RuleRow(float X1, float X2, string Color);

    /// <summary>The answer for one row, as an application would declare it.</summary>
    private sealed record RulePrediction(string Model, int Version, string PredictedLabel, IReadOnlyDictionary<string, double> Probabilities);
}
