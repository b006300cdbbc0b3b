using System.Text.Json;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Cli.Tests.Bench;

/// <summary><c>--task text-classification</c> benches what a text-classification job trains: the Torch text classifier alone.</summary>
public class TextBenchTests
{
    [Test]
    [Category("Slow")]
    public async Task Text_classification_trains_the_text_classifier_on_the_text_column_and_ends_with_the_same_json_object()
    {
        using var directory = new TempDirectory();
        var train = directory.File("train.csv");
        var test = directory.File("test.csv");
        await File.WriteAllTextAsync(train, TestTexts.Csv(TestTexts.Topics, rows: 300));
        await File.WriteAllTextAsync(test, TestTexts.Csv(TestTexts.Topics, rows: 120, seed: 12));

        var run = await CliRun.RunAsync("bench", "--train", train, "--test", test, "--label", "label", "--task", "text-classification", "--time", "20", "--seed", "2");

        using var report = JsonDocument.Parse(run.Stdout[^1]);
        var root = report.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, string.Join('\n', run.Stderr));
            Assert.That(root.GetProperty("task").GetString(), Is.EqualTo("multiclass"));
            Assert.That(root.GetProperty("best_trainer").GetString(), Is.EqualTo("TorchTextClassifier"));
            Assert.That(root.GetProperty("trials").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("score").GetDouble(), Is.GreaterThan(0.7), "accuracy on the test texts; chance is a third");
            Assert.That(run.Stderr, Has.Some.Contains("text column 'review'"));
            Assert.That(run.Stderr, Has.Some.Contains("epoch 1 of"), "progress per epoch goes to stderr");
        });
    }

    [Test]
    public async Task Text_classification_on_a_table_without_free_text_is_bad_input()
    {
        var penguins = RepositoryPaths.SharedDataset("penguins", "train.csv");

        var run = await CliRun.RunAsync("bench", "--train", penguins, "--test", penguins, "--label", "species", "--task", "text-classification", "--time", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("free-text column"));
        });
    }

    [Test]
    public async Task Image_classification_on_a_table_is_bad_input_saying_it_needs_image_folders()
    {
        var penguins = RepositoryPaths.SharedDataset("penguins", "train.csv");

        var run = await CliRun.RunAsync("bench", "--train", penguins, "--test", penguins, "--label", "species", "--task", "image-classification", "--time", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("image folders"));
        });
    }

    [Test]
    public async Task Text_classification_on_image_folders_is_bad_input()
    {
        using var directory = new TempDirectory();

        var run = await CliRun.RunAsync("bench", "--train", directory.Path, "--test", directory.Path, "--task", "text-classification", "--time", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr[^1], Does.Contain("folder of images"));
        });
    }
}
