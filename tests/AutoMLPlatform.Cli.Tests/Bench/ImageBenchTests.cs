using System.Text.Json;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Cli.Tests.Bench;

[Category("Slow")]
public class ImageBenchTests
{
    [TestCase]
    [TestCase("--task", "image-classification")]
    public async Task A_bench_run_on_image_folders_runs_the_image_search_and_ends_with_the_same_json_object(params string[] task)
    {
        using var directory = new TempDirectory();
        var train = WriteFolders(directory.Path, "train", perClass: 40, seed: 3);
        var test = WriteFolders(directory.Path, "test", perClass: 15, seed: 9);

        var run = await CliRun.RunAsync(["bench", "--train", train, "--test", test, "--time", "20", "--seed", "2", .. task]);

        using var report = JsonDocument.Parse(run.Stdout[^1]);
        var root = report.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join('\n', run.Stderr));
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "tool", "task", "metric", "score", "metrics", "trials", "best_trainer", "fit_seconds", "peak_memory_mb",
            }));
            Assert.That(root.GetProperty("task").GetString(), Is.EqualTo("multiclass"));
            Assert.That(root.GetProperty("metric").GetString(), Is.EqualTo("accuracy"));
            Assert.That(root.GetProperty("best_trainer").GetString(), Is.AnyOf("TorchImageClassifier", "TorchImageClassifierEnsemble", "ResNet18Features"));
            Assert.That(run.Stderr, Has.Some.StartsWith("ResNet18 features:"), "whether the pretrained features competed, and why");
            Assert.That(root.GetProperty("score").GetDouble(), Is.GreaterThan(0.6), "accuracy on the test folders; chance is a third");
            Assert.That(run.Stderr, Has.Some.Contains("epoch 1 of"), "progress per epoch goes to stderr");
        });
    }

    [Test]
    public async Task A_test_folder_with_a_class_the_training_folder_lacks_is_bad_input()
    {
        using var directory = new TempDirectory();
        var train = WriteFolders(directory.Path, "train", perClass: 3, seed: 3);
        var test = WriteFolders(directory.Path, "test", perClass: 2, seed: 9);
        Directory.CreateDirectory(Path.Combine(test, "top"));
        await File.WriteAllBytesAsync(Path.Combine(test, "top", "0.png"), TestImages.Blob("left", new Random(1)));

        var run = await CliRun.RunAsync("bench", "--train", train, "--test", test, "--time", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("top"));
            Assert.That(run.Stdout, Is.Empty);
        });
    }

    /// <summary>Blob images in one folder per class under <paramref name="root"/>/<paramref name="name"/>.</summary>
    private static string WriteFolders(string root, string name, int perClass, int seed)
    {
        var random = new Random(seed);
        var top = Path.Combine(root, name);
        foreach (var className in TestImages.BlobClasses)
        {
            var folder = Directory.CreateDirectory(Path.Combine(top, className)).FullName;
            for (var i = 0; i < perClass; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, $"{i:D3}.png"), TestImages.Blob(className, random));
            }
        }

        return top;
    }
}
