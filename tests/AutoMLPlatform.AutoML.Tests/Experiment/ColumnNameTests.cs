using System.Globalization;
using System.Text;
using AutoMLPlatform.AutoML.Data;
using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Experiment;

/// <summary>
/// The engine learns the same from a table whatever its columns are called: names that differ only in case, hold dots,
/// spaces, brackets or non-ASCII letters, or equal the names of the engine's own columns give the same trials and the
/// same predictions as plain names.
/// </summary>
[Category("Slow")]
public class ColumnNameTests
{
    /// <summary>Awkward names, one per column of <see cref="Csv"/>, the label last.</summary>
    internal static readonly string[] AwkwardNames =
    [
        "Sc.Var.Maxis", "Sc.Var.maxis", "a b [c]", "größe", "__f0", "__f1_missing", "__dt_in", "__in1", "Score", "Features", "PredictedLabel",
        "__Features", "Probability", "__ens0", "__Label", "Label",
    ];

    private static readonly string[] PlainNames = AwkwardNames.Select((_, i) => i == AwkwardNames.Length - 1 ? "y" : $"c{i}").ToArray();

    [TestCase(true)]
    [TestCase(false)]
    public async Task Awkward_column_names_train_and_predict_exactly_as_plain_names_do(bool ensemble)
    {
        var awkward = await RunAsync(AwkwardNames, ensemble);
        var plain = await RunAsync(PlainNames, ensemble);

        TestContext.Out.WriteLine(string.Join("\n", awkward.Trials));
        Assert.Multiple(() =>
        {
            Assert.That(awkward.Trials, Is.EqualTo(plain.Trials));
            Assert.That(awkward.Probabilities, Is.EqualTo(plain.Probabilities));
            Assert.That(awkward.Inputs, Is.EqualTo(AwkwardNames[..^1]));
        });
    }

    private static async Task<(string[] Trials, float[] Probabilities, string[] Inputs)> RunAsync(string[] names, bool ensemble)
    {
        var (table, schema) = await TestTables.LoadAsync(Csv(names, rows: 300));
        var settings = new ExperimentSettings { LabelColumn = names[^1], TimeBudget = TimeSpan.FromMinutes(5), MaxTrials = 14, Seed = 3, Ensemble = ensemble };

        var result = await new AutoMLExperiment(new MLContext(1), settings).RunAsync(table, schema, null, CancellationToken.None);

        var scored = result.Model.Transform(TableViews.ForPrediction(table, names[^1]));
        var probabilities = scored.GetColumn<float>(scored.Schema[ReservedColumns.Probability]).ToArray();
        var trials = result.Trials.Select(t => $"{t.Trainer} {string.Join(",", t.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}"))} {t.Score:R}").ToArray();
        return (trials, probabilities, result.Inputs.Select(i => i.Name).ToArray());
    }

    /// <summary>
    /// A binary table (label "yes" when <c>x1 + x2 − x3/2 &gt; 0</c>, 5 % noise): numbers with and without missing
    /// values, categories, a date, yes/no, and columns that carry no signal, named <paramref name="names"/>.
    /// </summary>
    internal static string Csv(string[] names, int rows, int seed = 5)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(',', names.Select(Quote))).Append('\n');
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var x2 = random.NextDouble() * 2 - 1;
            var x3 = random.NextDouble() * 2 - 1;
            var color = colors[random.Next(3)];
            var positive = x1 + x2 - x3 / 2 + (color == "red" ? 0.3 : 0) > 0;
            if (random.NextDouble() < 0.05)
            {
                positive = !positive;
            }

            string[] cells =
            [
                F(x1), F(x2), color, random.NextDouble() < 0.1 ? "" : F(x3), F(random.NextDouble()), random.NextDouble() < 0.2 ? "" : F(random.NextDouble() * 10),
                new DateTime(2020, 1, 1).AddDays(random.Next(1000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), F(random.NextDouble()),
                F(random.NextDouble()), F(random.NextDouble()), random.Next(2) == 0 ? "yes" : "no", F(random.NextDouble()), F(random.NextDouble()), colors[random.Next(3)],
                F(random.NextDouble()), positive ? "yes" : "no",
            ];
            text.Append(string.Join(',', cells)).Append('\n');
        }

        return text.ToString();
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Quote(string name) => name.Contains(',', StringComparison.Ordinal) ? $"\"{name}\"" : name;
}
