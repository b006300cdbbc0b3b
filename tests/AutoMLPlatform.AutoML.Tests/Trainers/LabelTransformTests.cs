using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Featurization;
using AutoMLPlatform.AutoML.Inference;
using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Tables;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Trainers;

public class LabelTransformTests
{
    [Test]
    public void A_log_target_answers_in_the_label_s_units_and_never_beyond_twice_its_largest_value()
    {
        // y = exp(x): linear in x on the log scale.
        var x = Enumerable.Range(0, 200).Select(i => i / 20f).ToArray();
        var table = new LoadedTable([new NumericColumn("x", x), new NumericColumn("y", x.Select(MathF.Exp).ToArray())], 200);
        var mlContext = new MLContext(1);
        var view = TabularDataView.WithLabel(table, "y", LabelEncoding.Regression);
        var featurizer = FeaturePipelineBuilder.Build(mlContext, [new ColumnDecision("x", ColumnType.Numeric, ColumnRole.Numeric, "")], []).Fit(view);
        var features = FeaturizedData.Materialize(featurizer.Transform(view), view, CancellationToken.None);
        var shape = new DataShape(200, 1, 1, NonNegativeLabel: true, HasCategoricalSlots: false, Deterministic: true);
        var space = new SdcaCandidate().CreateSpace(TaskKind.Regression, shape);
        var configuration = space.Decode(space.Parameters.Select(p => p.Name == LabelTransform.Parameter ? 0.99 : p.ToUnit(p.Init)).ToArray());
        var sdca = new SdcaCandidate().CreateEstimator(mlContext, TaskKind.Regression, configuration, shape);

        var model = featurizer.Append(LabelTransform.Fit(mlContext, sdca, configuration, features, Enumerable.Range(0, 200).ToArray()));
        var probe = new LoadedTable([new NumericColumn("x", [5f, 1000f])], 2);
        var scores = model.Transform(TabularDataView.WithoutLabel(probe)).GetColumn<float>("Score").ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Choice(LabelTransform.Parameter), Is.EqualTo("log"));
            Assert.That(scores[0], Is.EqualTo(MathF.Exp(5)).Within(0.25 * MathF.Exp(5)));
            Assert.That(scores[1], Is.LessThanOrEqualTo(2 * MathF.Exp(199 / 20f) * 1.0001f));
        });
    }
}
