using AutoMLPlatform.AutoML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMLPlatform.AutoML.Tests.Featurization;

public class TextNgramsTests
{
    private sealed class Row
    {
        public string Text { get; set; } = "";
    }

    private static readonly Row[] Corpus =
    [
        new() { Text = "A good old house with a garden" },
        new() { Text = "Small flat, no garden at all" },
        new() { Text = "good garden, good house" },
        new() { Text = "The house is old" },
    ];

    [Test]
    public void Words_and_characters_are_two_blocks_of_unit_length_side_by_side()
    {
        var (mlContext, model) = Fit();
        var texts = mlContext.Data.LoadFromEnumerable<Row>([new() { Text = "good house" }, new() { Text = "garden garden garden" }, new() { Text = "" }]);

        // Read each row as it comes: the cursor reuses a vector's buffers for the next row.
        var rows = model.Transform(texts).GetColumn<VBuffer<float>>("v")
            .Select(v => (SquaredNorm: v.DenseValues().Sum(x => (double)x * x), AllFiniteAndNonNegative: v.DenseValues().All(x => float.IsFinite(x) && x >= 0)))
            .ToArray();
        var squaredNorms = rows.Select(r => r.SquaredNorm).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(squaredNorms[0], Is.EqualTo(2).Within(1e-4), "one for the words, one for the characters");
            Assert.That(squaredNorms[1], Is.EqualTo(2).Within(1e-4));
            Assert.That(squaredNorms[2], Is.EqualTo(0), "an empty text is an empty vector");
            Assert.That(rows.Select(r => r.AllFiniteAndNonNegative), Has.All.True);
        });
    }

    [Test]
    public void Only_the_output_column_is_left_behind()
    {
        var (mlContext, model) = Fit();

        var schema = model.GetOutputSchema(mlContext.Data.LoadFromEnumerable(Corpus).Schema);

        Assert.That(schema.Where(c => !c.IsHidden).Select(c => c.Name), Is.EqualTo(new[] { "Text", "v" }));
    }

    private static (MLContext MlContext, ITransformer Model) Fit()
    {
        var mlContext = new MLContext(1);
        var steps = TextNgrams.Steps(mlContext, "Text", "v").ToArray();
        var chain = steps.Skip(1).Aggregate(steps[0], (c, s) => c.Append(s));
        return (mlContext, chain.Fit(mlContext.Data.LoadFromEnumerable(Corpus)));
    }
}
