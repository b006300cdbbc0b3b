using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

[Category("Slow")]
public class DataViewInputTests
{
    [Test]
    public async Task An_ml_net_data_view_trains_a_model_that_reads_the_view_s_own_columns()
    {
        var mlContext = new MLContext(1);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var x = random.NextDouble() * 2 - 1;
            var flag = random.NextDouble() < 0.5;
            return new Row { X = x, Flag = flag, Color = random.NextDouble() < 0.5 ? "red" : "blue", Label = x + (flag ? 0.5 : -0.5) > 0 ? "up" : "down" };
        }).ToArray();
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var settings = new ExperimentSettings { LabelColumn = nameof(Row.Label), TimeBudget = TimeSpan.FromMinutes(2), MaxTrials = 4 };

        var result = await new AutoMLExperiment(mlContext, settings).RunAsync(data, null, CancellationToken.None);
        var predicted = result.Model.Transform(data).GetColumn<bool>("PredictedLabel").ToArray();
        var accuracy = predicted.Zip(rows).Count(p => p.First == (p.Second.Label == result.Labels.PositiveClass)) / (double)rows.Length;

        Assert.Multiple(() =>
        {
            Assert.That(result.Inputs.Select(i => i.Name), Is.EquivalentTo(new[] { nameof(Row.X), nameof(Row.Flag), nameof(Row.Color) }));
            Assert.That(result.InputSchema[nameof(Row.X)].Type, Is.EqualTo(NumberDataViewType.Double));
            Assert.That(accuracy, Is.GreaterThan(0.9));
        });
    }

    private sealed class Row
    {
        public double X { get; set; }

        public bool Flag { get; set; }

        public string Color { get; set; } = "";

        public string Label { get; set; } = "";
    }
}
