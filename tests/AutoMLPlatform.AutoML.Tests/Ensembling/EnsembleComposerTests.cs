using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Finishing;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Packaging;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Ensembling;

/// <summary>An ensemble is one ML.NET chain: it averages its members as weighted, and saves and loads like any model.</summary>
[Category("Slow")]
public class EnsembleComposerTests
{
    private static readonly ColumnDecision[] Decisions = [new("x", ColumnType.Numeric, ColumnRole.Numeric, ""), new("y2", ColumnType.Numeric, ColumnRole.Numeric, "")];

    [Test]
    public void A_multiclass_ensemble_averages_its_members_and_answers_with_class_names_after_a_round_trip()
    {
        var (table, labels) = Table(TaskKind.Multiclass);
        var (sets, featurizer, members, view) = Members(table, labels, TaskKind.Multiclass);
        var mlContext = new MLContext(1);

        var ensemble = EnsembleComposer.Compose(mlContext, TaskKind.Multiclass, sets, [(members[0], 0.25, TextFeatures.NGrams), (members[1], 0.75, TextFeatures.NGrams)], labels.Classes, view);
        var loaded = RoundTrip(ensemble, view, table, labels);
        var expected = Scores(featurizer.Append(members[0]), view).Zip(Scores(featurizer.Append(members[1]), view),
            (a, b) => a.Zip(b, (p, q) => 0.25f * p + 0.75f * q).ToArray()).ToArray();
        var engine = new MLContext(2).Model.CreatePredictionEngine<Input, MulticlassOutput>(loaded);
        var first = engine.Predict(new Input { X = ((NumericColumn)table.Columns[0]).Values[0], Y2 = ((NumericColumn)table.Columns[1]).Values[0] });

        Assert.Multiple(() =>
        {
            Assert.That(Scores(ensemble, view)[0], Is.EqualTo(expected[0]).Within(1e-5));
            Assert.That(first.Score, Is.EqualTo(expected[0]).Within(1e-5));
            Assert.That(first.PredictedLabel, Is.EqualTo(labels.Classes[Array.IndexOf(expected[0], expected[0].Max())]));
        });
    }

    [Test]
    public void A_binary_ensemble_averages_probabilities_and_decides_at_one_half_after_a_round_trip()
    {
        var (table, labels) = Table(TaskKind.Binary);
        var (sets, featurizer, members, view) = Members(table, labels, TaskKind.Binary);
        var mlContext = new MLContext(1);

        var ensemble = EnsembleComposer.Compose(mlContext, TaskKind.Binary, sets, [(members[0], 0.5, TextFeatures.NGrams), (members[1], 0.5, TextFeatures.NGrams)], labels.Classes, view);
        var loaded = RoundTrip(ensemble, view, table, labels);
        var first = Probabilities(featurizer.Append(members[0]), view)[0];
        var second = Probabilities(featurizer.Append(members[1]), view)[0];
        var output = new MLContext(2).Model.CreatePredictionEngine<Input, BinaryOutput>(loaded)
            .Predict(new Input { X = ((NumericColumn)table.Columns[0]).Values[0], Y2 = ((NumericColumn)table.Columns[1]).Values[0] });

        Assert.Multiple(() =>
        {
            Assert.That(output.Probability, Is.EqualTo((first + second) / 2).Within(1e-5));
            Assert.That(output.PredictedLabel, Is.EqualTo(output.Probability >= 0.5f));
        });
    }

    [TestCase(TaskKind.Binary, "Probability")]
    [TestCase(TaskKind.Multiclass, "Score")]
    public void Features_named_like_the_ensemble_s_own_columns_are_read_as_themselves(TaskKind task, string output)
    {
        var (table, labels) = Table(task);
        var renamed = new LoadedTable(
            [((NumericColumn)table.Columns[0]) with { Name = "__ens0" }, ((NumericColumn)table.Columns[1]) with { Name = output }, table.Columns[2]], table.RowCount);
        var plain = Members(table, labels, task);
        var awkward = Members(renamed, labels, task, [new("__ens0", ColumnType.Numeric, ColumnRole.Numeric, ""), new(output, ColumnType.Numeric, ColumnRole.Numeric, "")]);

        var expected = EnsembleComposer.Compose(new MLContext(1), task, plain.Sets, [(plain.Members[0], 0.5, TextFeatures.NGrams), (plain.Members[1], 0.5, TextFeatures.NGrams)], labels.Classes, plain.View);
        var actual = EnsembleComposer.Compose(new MLContext(1), task, awkward.Sets, [(awkward.Members[0], 0.5, TextFeatures.NGrams), (awkward.Members[1], 0.5, TextFeatures.NGrams)], labels.Classes, awkward.View);

        Assert.That(Outputs(actual, awkward.View, output), Is.EqualTo(Outputs(expected, plain.View, output)));
    }

    private static (LoadedTable Table, LabelEncoding Labels) Table(TaskKind task)
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 240).Select(_ => (float)random.NextDouble()).ToArray();
        var y2 = Enumerable.Range(0, 240).Select(_ => (float)random.NextDouble()).ToArray();
        var classes = x.Select((v, i) => task == TaskKind.Binary ? (v + y2[i] > 1 ? "yes" : "no") : v < 0.33 ? "low" : v < 0.66 ? "mid" : "high").ToArray();
        var label = new StringColumn("label", ColumnType.Categorical, classes);
        return (new LoadedTable([new NumericColumn("x", x), new NumericColumn("y2", y2), label], 240), LabelEncodingBuilder.Build(label, task));
    }

    /// <summary>The shared featurizer and two different members trained on its features.</summary>
    private static (FeatureSets Sets, ITransformer Featurizer, ITransformer[] Members, IDataView View) Members(LoadedTable table, LabelEncoding labels, TaskKind task,
        ColumnDecision[]? decisions = null)
    {
        var mlContext = new MLContext(1);
        var view = TabularDataView.WithLabel(table, "label", labels);
        var featurizer = FeaturePipelineBuilder.Build(mlContext, decisions ?? Decisions, []).Fit(view);
        var features = FeaturizedData.Materialize(featurizer.Transform(view), view, CancellationToken.None);
        var all = features.View(Enumerable.Range(0, table.RowCount).ToArray());
        var shape = new DataShape(table.RowCount, features.Dimension, labels.Classes.Count, false, false, true);
        TrainerCandidate[] candidates = [new LightGbmCandidate(), new LbfgsCandidate()];
        var members = candidates.Select(c => c.CreateEstimator(mlContext, task, c.CreateSpace(task, shape).Initial(), shape).Fit(all)).ToArray();
        return (new FeatureSets([new FeatureSet(TextFeatures.NGrams, featurizer, features)], []), featurizer, members, view);
    }

    private static ITransformer RoundTrip(ITransformer model, IDataView view, LoadedTable table, LabelEncoding labels)
    {
        var inputs = new[] { new ModelInputColumn("x", ColumnType.Numeric, false), new ModelInputColumn("y2", ColumnType.Numeric, false) };
        var schema = TabularDataView.WithoutLabel(table.Project(["x", "y2"])).Schema;
        using var buffer = new MemoryStream();
        ModelPackage.Write(buffer, new MLContext(1), model, schema, new ModelManifest(ModelManifest.CurrentFormatVersion, labels.Task, "label", labels.Classes, inputs, "Ensemble", []));
        buffer.Position = 0;
        return ModelPackage.Read(buffer, new MLContext(2)).Transformer;
    }

    private static float[][] Scores(ITransformer model, IDataView view) =>
        model.Transform(view).GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();

    /// <summary>The model's <paramref name="output"/> column (a number or a vector) on every row, flattened.</summary>
    private static float[] Outputs(ITransformer model, IDataView view, string output) => output == "Score"
        ? Scores(model, view).SelectMany(s => s).ToArray()
        : Probabilities(model, view);

    private static float[] Probabilities(ITransformer model, IDataView view) =>
        model.Transform(view).GetColumn<float>("Probability").ToArray();

    private sealed class Input
    {
        [ColumnName("x")]
        public float X { get; set; }

        [ColumnName("y2")]
        public float Y2 { get; set; }
    }

    private sealed class MulticlassOutput
    {
        public string PredictedLabel { get; set; } = "";

        [VectorType]
        public float[] Score { get; set; } = [];
    }

    private sealed class BinaryOutput
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }
    }
}
