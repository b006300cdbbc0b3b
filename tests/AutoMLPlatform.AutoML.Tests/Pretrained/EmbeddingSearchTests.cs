using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Planning;
using AutoMLPlatform.AutoML.Pretrained;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Pretrained;
using AutoMLPlatform.Pretrained.Text;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Pretrained;

[Category("Slow")]
public sealed class EmbeddingSearchTests
{
    private PretrainedNetworks _networks = null!;

    [OneTimeSetUp]
    public void LoadOnce() => _networks = new PretrainedNetworks();

    [OneTimeTearDown]
    public void Unload() => _networks.Dispose();

    [Test]
    public async Task Where_only_meaning_tells_the_classes_apart_the_search_picks_sentence_embeddings_and_the_package_names_the_encoder_without_its_weights()
    {
        var (table, schema) = await TestTables.LoadAsync(SemanticTexts.Csv());
        var mlContext = new MLContext(1);
        var settings = new ExperimentSettings { LabelColumn = "kind", TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 12, Trainers = ["Lbfgs"], Pretrained = _networks };

        var result = await new AutoMLExperiment(mlContext, settings).RunAsync(table, schema, null, CancellationToken.None);
        using var package = new MemoryStream();
        ModelPackage.Write(package, mlContext, result.Model, result.InputSchema,
            new ModelManifest(ModelManifest.CurrentFormatVersion, result.Task, "kind", result.Labels.Classes, result.Inputs, result.BestTrial.Trainer, []));
        package.Position = 0;
        using var otherProcess = new PretrainedNetworks();
        var loaded = ModelPackage.Read(package, new MLContext(2), PretrainedModelParts.Loaders(otherProcess));

        Assert.Multiple(() =>
        {
            Assert.That(result.Trials.Select(t => t.Hyperparameters["textFeatures"]).Distinct(),
                Is.EquivalentTo(new[] { "n-grams", "embeddings", "n-grams+embeddings" }), "every featurization was tried");
            Assert.That(result.BestTrial.Hyperparameters["textFeatures"], Is.Not.EqualTo("n-grams"));
            Assert.That(result.BestTrial.Metrics["auc"], Is.GreaterThan(0.95));
            Assert.That(result.Columns.Single(c => c.Name == "text").Reason, Does.Contain("sentence embeddings (all-MiniLM-L6-v2) offered"));
            Assert.That(loaded.Manifest.Parts.Select(p => p.Kind), Is.EqualTo(new[] { SentenceEmbeddingTransformer.PartKind, AutoML.Packaging.ModelPart.MLNetKind }));
            Assert.That(package.Length, Is.LessThan(1 << 20), "the 90 MB network is not in the package");
            Assert.That(Probabilities(loaded.Transformer, result.InputSchema, table), Is.EqualTo(Probabilities(result.Model, result.InputSchema, table)).AsCollection);
        });
    }

    [Test]
    public async Task Embeddings_are_not_offered_when_encoding_every_text_would_take_more_than_half_the_budget()
    {
        // 3,000 distinct reviews of ~120 words: encoding them takes far more than 10 s on any CPU this runs on.
        var (texts, labels) = TestTexts.Make(TestTexts.Sentiments, 30_000);
        var reviews = texts.Chunk(10).Select(chunk => string.Join(' ', chunk)).ToArray();
        var csv = "review,label\n" + string.Concat(reviews.Select((r, i) => $"{r},{labels[i * 10]}\n"));
        var (table, schema) = await TestTables.LoadAsync(csv);
        var settings = new ExperimentSettings { LabelColumn = "label", TimeBudget = TimeSpan.FromSeconds(20), Trainers = ["Sdca"], Pretrained = _networks };
        using var stop = new CancellationTokenSource();
        var monitor = new PlanCatcher(stop);

        Assert.That(async () => await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, monitor, stop.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(monitor.Plan!.Columns.Single(c => c.Role == ColumnRole.Text).Reason, Does.Contain("sentence embeddings (all-MiniLM-L6-v2) not offered: encoding"));
    }

    [Test]
    public async Task A_column_named_like_the_sentence_vectors_trains_exactly_as_the_same_column_under_another_name()
    {
        var clashing = await BestAucAsync("__emb0");
        var plain = await BestAucAsync("signal");

        Assert.That(clashing, Is.EqualTo(plain), "the column's own values, not a vector under its name, reached the trainer");
    }

    /// <summary>The best AUC on embeddings where the label follows a numeric column called <paramref name="name"/>, at random with respect to the texts.</summary>
    private async Task<double> BestAucAsync(string name)
    {
        var random = new Random(3);
        var texts = SemanticTexts.Csv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row => row[..row.LastIndexOf(',')]).ToArray();
        var signal = texts.Select(_ => random.Next(2)).ToArray();
        var csv = $"text,{name},label\n" + string.Concat(texts.Select((text, i) =>
            $"{text},{(signal[i] * 10 + random.NextDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture)},{(signal[i] == 1 ? "yes" : "no")}\n"));
        var (table, schema) = await TestTables.LoadAsync(csv);
        var settings = new ExperimentSettings
        {
            LabelColumn = "label", TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 2, Trainers = ["Lbfgs"], Pretrained = _networks,
            TextFeatures = [TextFeatures.Embeddings],
        };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);
        return result.BestTrial.Metrics["auc"];
    }

    /// <summary>Keeps the plan and stops the run there: the decision is made before the first trial.</summary>
    private sealed class PlanCatcher(CancellationTokenSource stop) : IExperimentMonitor
    {
        public ExperimentPlan? Plan { get; private set; }

        public Task OnPlannedAsync(ExperimentPlan plan, CancellationToken cancellationToken)
        {
            Plan = plan;
            return stop.CancelAsync();
        }

        public Task OnTrialCompletedAsync(TrialResult trial, TrialResult? best, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static float[] Probabilities(ITransformer model, DataViewSchema inputSchema, Core.Tables.LoadedTable table)
    {
        var view = AutoML.Data.TableViews.ForPrediction(table.Project(inputSchema.Select(c => c.Name)));
        return model.Transform(view).GetColumn<float>(model.Transform(view).Schema["Probability"]).ToArray();
    }
}
