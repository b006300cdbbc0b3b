using System.Text.Json;
using AutoMLPlatform.Torch.Native;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Tests.Native;

/// <summary>
/// What the child process does: load TorchSharp through <see cref="TorchNative"/>, take one Adam step on a linear
/// layer, then train a LightGbm model in the same process, and print the outcome as one JSON line.
/// </summary>
internal static class TorchLoadCheck
{
    public const string Command = "torch-load-check";

    public static int Run()
    {
        var report = TorchNative.EnsureLoaded();
        manual_seed(1);
        using var layer = nn.Linear(4, 2);
        using var optimizer = optim.Adam(layer.parameters(), 0.01);
        using var x = randn(16, 4);
        using var y = randint(0, 2, [16]);
        using var loss = nn.functional.cross_entropy(layer.call(x), y);
        loss.backward();
        optimizer.step();

        var ml = new MLContext(1);
        var random = new Random(1);
        var rows = Enumerable.Range(0, 200).Select(_ => new Row { X = (float)random.NextDouble(), Y = random.NextDouble() > 0.5 }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Concatenate("Features", nameof(Row.X))
            .Append(ml.BinaryClassification.Trainers.LightGbm(nameof(Row.Y), "Features", numberOfIterations: 5, minimumExampleCountPerLeaf: 5))
            .Fit(data);
        var scored = model.Transform(data).GetColumn<float>("Score").Count();

        Console.WriteLine(JsonSerializer.Serialize(new { outcome = report.Outcome.ToString(), loss = loss.item<float>(), lightGbmRows = scored }));
        return 0;
    }

    private sealed class Row
    {
        public float X { get; set; }

        public bool Y { get; set; }
    }
}
