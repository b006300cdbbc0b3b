using System.Text;
using AutoMLPlatform.Cli.Predict;

namespace AutoMLPlatform.Cli.Tests.Predict;

public class PredictionGridTests
{
    [Test]
    public async Task A_batch_answer_echoing_a_repeated_input_name_becomes_objects_with_the_names_an_upload_gives()
    {
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("a,a,predictedLabel\n1,2,yes\n"));

        var grid = await PredictionGrid.FromCsvAsync(csv, CancellationToken.None);

        Assert.That(grid.AsObjects().Single(), Is.EqualTo(new Dictionary<string, object?> { ["a"] = 1.0, ["a.1"] = 2.0, ["predictedLabel"] = "yes" }));
    }
}
