using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.TestSupport;
using AutoMLPlatform.Torch.Text;
using AutoMLPlatform.Torch.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Torch.Tests.Text;

[Category("Slow")]
public class TextClassificationTrainerTests
{
    [Test]
    public void A_small_training_run_classifies_unseen_texts_far_better_than_chance()
    {
        var (texts, labels) = TestTexts.Make(TestTexts.Sentiments, 200, seed: 77);

        var correct = texts.Where((t, i) => Predicted(TorchModels.Sentiment, t) == labels[i]).Count();

        Assert.That(correct / (double)texts.Count, Is.GreaterThan(0.8), "chance is a half");
    }

    [Test]
    public void Several_classes_are_learned_through_the_estimator_interface()
    {
        var (texts, labels) = TestTexts.Make(TestTexts.Topics, 300);
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(texts.Select((t, i) => new LabelledRow { Review = t, Label = labels[i] }));
        var (testTexts, testLabels) = TestTexts.Make(TestTexts.Topics, 90, seed: 5);

        using var model = new TextClassificationTrainer(ml, new TextClassificationTrainer.Options { TextColumn = "review", MaxEpochs = 6 }).Fit(data);

        var correct = testTexts.Where((t, i) => Predicted(model, t) == testLabels[i]).Count();
        Assert.Multiple(() =>
        {
            Assert.That(model.Classes, Is.EqualTo(TestTexts.Topics));
            Assert.That(correct / (double)testTexts.Count, Is.GreaterThan(0.7), "chance is a third");
        });
    }

    [Test]
    public void A_package_round_trip_with_an_mlnet_stage_before_it_gives_identical_predictions()
    {
        var ml = new MLContext(1);
        var raw = ml.Data.LoadFromEnumerable(Array.Empty<RawRow>());
        var prefix = ml.Transforms.CopyColumns("review", nameof(RawRow.Comment)).Fit(raw);
        var model = prefix.Append(TorchModels.Sentiment);
        var texts = TestTexts.Make(TestTexts.Sentiments, 8, seed: 3).Texts;

        var loaded = TorchModels.RoundTrip(model, raw.Schema, TorchModels.Manifest(TaskKind.Binary, TorchModels.Sentiment.Classes, nameof(RawRow.Comment), ColumnType.Text));

        var before = Predict(ml, model, texts);
        var after = Predict(ml, loaded.Transformer, texts);
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Manifest.Parts.Select(p => p.Kind), Is.EqualTo(new[] { "mlnet", TextClassificationTransformer.PartKind }));
            Assert.That(after.Select(p => p.Probability), Is.EqualTo(before.Select(p => p.Probability)));
            Assert.That(after.Select(p => p.PredictedLabel), Is.EqualTo(before.Select(p => p.PredictedLabel)));
        });
    }

    [Test]
    public void Binary_outputs_follow_mlnet_conventions()
    {
        var ml = new MLContext(1);
        var texts = TestTexts.Make(TestTexts.Sentiments, 20, seed: 8).Texts;

        var predictions = Predict(ml, ml.Transforms.CopyColumns("review", nameof(RawRow.Comment)).Fit(ml.Data.LoadFromEnumerable(Array.Empty<RawRow>()))
            .Append(TorchModels.Sentiment), texts);

        Assert.Multiple(() =>
        {
            Assert.That(predictions.All(p => p.PredictedLabel == p.Probability > 0.5f), Is.True, "the label is the positive class when its probability passes a half");
            Assert.That(predictions.All(p => Math.Abs(1 / (1 + MathF.Exp(-p.Score)) - p.Probability) < 1e-4), Is.True, "the score is the logit of the probability");
            Assert.That(predictions.Select(p => p.PredictedLabel).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Without_validation_rows_every_planned_epoch_runs_and_the_last_is_kept()
    {
        var (texts, labels) = TestTexts.Make(TestTexts.Sentiments, 120);
        var trainer = new TextClassificationTrainer(new MLContext(1), new TextClassificationTrainer.Options { TextColumn = "review", MaxEpochs = 3 });

        using var model = trainer.Fit(new TextExamples(texts, labels), new TextExamples([], []), null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(model.Training!.Epochs, Is.EqualTo(3));
            Assert.That(model.Training.BestEpoch, Is.EqualTo(3));
            Assert.That(model.Training.ValidationRows, Is.Zero);
        });
    }

    [Test]
    public void Fitting_data_without_the_text_column_is_refused_by_name_before_training()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new RawRow { Comment = "a" } });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TextClassificationTrainer(ml, new TextClassificationTrainer.Options { TextColumn = "review" }).Fit(data));

        Assert.That(error!.Message, Does.Contain("'review'"));
    }

    private static string Predicted(TextClassificationTransformer model, string text) =>
        model.Classes[ClassificationMetrics.ArgMax(model.PredictProbabilities(text).ToArray())];

    private static BinaryPrediction[] Predict(MLContext ml, ITransformer model, List<string> texts)
    {
        var engine = ml.Model.CreatePredictionEngine<RawRow, BinaryPrediction>(model);
        return texts.Select(t => engine.Predict(new RawRow { Comment = t })).ToArray();
    }

    private sealed class LabelledRow
    {
        [ColumnName("review")]
        public string Review { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class RawRow
    {
        public string Comment { get; set; } = "";
    }

    private sealed class BinaryPrediction
    {
        public bool PredictedLabel { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }
    }
}
