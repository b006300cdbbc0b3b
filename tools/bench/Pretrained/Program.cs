using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Bench.Pretrained;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Text;
using Microsoft.ML;

// Pretrained benchmark (tools/bench/pretrained.sh): on fine_foods reviews, the sentence encoder's load time and
// throughput, then a review model trained on sentence embeddings only, packaged and read back as scoring reads it,
// predicting one unseen review at a time through a PredictionEngine (every review distinct: no cache hits).
var options = BenchArguments.Parse(args);
var log = Console.Error;
var (train, test, schema) = await Reviews.LoadAsync(options.Data, CancellationToken.None);
var trainTexts = ((StringColumn)train["review"]).Values;
var testTexts = ((StringColumn)test["review"]).Values.Distinct(StringComparer.Ordinal).Take(options.Predictions).ToArray();

var clock = Stopwatch.StartNew();
using var networks = new PretrainedNetworks();
var encoder = networks.SentenceEncoder(SentenceEncoders.MiniLm.Name);
var loadMs = clock.Elapsed.TotalMilliseconds;
log.WriteLine($"encoder loaded in {loadMs:F0} ms");

var sample = trainTexts.Distinct(StringComparer.Ordinal).Take(options.EncodeTexts).ToArray();
var tokens = sample.Average(t => encoder.Tokenize(t).Count);
clock.Restart();
await encoder.EmbedAllAsync(sample, CancellationToken.None);
var allCores = sample.Length / clock.Elapsed.TotalSeconds;
clock.Restart();
foreach (var text in sample.Take(options.EncodeTexts / 4))
{
    encoder.Embed(text);
}

var oneCore = options.EncodeTexts / 4 / clock.Elapsed.TotalSeconds;
log.WriteLine($"encoding: {allCores:F1} texts/s on {Environment.ProcessorCount} cores, {oneCore:F1} on one; {tokens:F1} tokens a text");

var trainRows = train.Select(Enumerable.Range(0, Math.Min(options.TrainRows, train.RowCount)).ToArray()).Project(["review", "score"]);
var mlContext = new MLContext(1);
var result = await new AutoMLExperiment(mlContext, new ExperimentSettings
{
    LabelColumn = "score", TimeBudget = TimeSpan.FromMinutes(20), MaxTrials = 2, Trainers = ["Lbfgs"], Ensemble = false,
    Pretrained = networks, TextFeatures = [TextFeatures.Embeddings],
}).RunAsync(trainRows, Reviews.Schema(schema), null, CancellationToken.None);
using var package = new MemoryStream();
ModelPackage.Write(package, mlContext, result.Model, result.InputSchema,
    new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "score", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
package.Position = 0;
var loaded = ModelPackage.Read(package, new MLContext(2), PretrainedModelParts.Loaders(networks));
log.WriteLine($"model: {result.BestTrial.Trainer} {string.Join(", ", result.BestTrial.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}"))}; package {package.Length:N0} bytes");

var engine = new MLContext(3).Model.CreatePredictionEngine<ReviewRow, ReviewPrediction>(loaded.Transformer);
foreach (var text in trainTexts.Skip(options.TrainRows).Take(5))
{
    engine.Predict(new ReviewRow { Review = text });
}

var latencies = new double[testTexts.Length];
var row = new ReviewRow();
var answer = new ReviewPrediction();
clock.Restart();
for (var i = 0; i < testTexts.Length; i++)
{
    var started = Stopwatch.GetTimestamp();
    row.Review = testTexts[i];
    engine.Predict(row, ref answer);
    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

var rowsPerSecond = testTexts.Length / clock.Elapsed.TotalSeconds;
Array.Sort(latencies);
var report = new Dictionary<string, object>
{
    ["bench"] = "pretrained-text",
    ["commit"] = options.Commit,
    ["encoder"] = encoder.Name,
    ["load_ms"] = Math.Round(loadMs),
    ["mean_tokens"] = Math.Round(tokens, 1),
    ["encode_texts_per_s_all_cores"] = Math.Round(allCores, 1),
    ["encode_texts_per_s_one_core"] = Math.Round(oneCore, 1),
    ["cores"] = Environment.ProcessorCount,
    ["package_bytes"] = package.Length,
    ["predict_rows"] = testTexts.Length,
    ["predict_p50_ms"] = Math.Round(latencies[latencies.Length / 2], 2),
    ["predict_p99_ms"] = Math.Round(latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))], 2),
    ["predict_rows_per_s_one_thread"] = Math.Round(rowsPerSecond, 1),
    ["load_average"] = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture),
};
Console.WriteLine(JsonSerializer.Serialize(report));
