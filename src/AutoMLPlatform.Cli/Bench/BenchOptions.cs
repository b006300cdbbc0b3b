using System.Globalization;
using AutoMLPlatform.AutoML.Hyperparameters;
using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.Cli.Bench;

/// <summary>
/// The arguments of <c>automl bench</c>, parsed and checked. <c>--task</c> takes every name a job's <c>task</c> does
/// (<see cref="TaskKindNames.ParseRequest"/>): a task kind (<see cref="Task"/>, null to infer it) or a learner
/// (<see cref="Modality"/>: <c>text-classification</c>, <c>image-classification</c>). <c>--metric</c> takes every name a
/// job's <c>metric</c> does: what the search optimises (the task's default when absent), not what the report leads with.
/// </summary>
internal sealed record BenchOptions(
    string Train,
    string Test,
    string Label,
    TaskKind? Task,
    DataModality Modality,
    TimeSpan Time,
    int Seed,
    TunerKind Tuner,
    IReadOnlyList<string>? Trainers,
    int? MaxTrials,
    bool Ensemble,
    bool Pretrained = true,
    MetricKind? Metric = null)
{
    public const int DefaultSeed = 1;

    /// <summary>The label of an image folder tree, where the class is the folder: only named in the report's columns.</summary>
    public const string ImageLabel = "label";

    /// <summary>True when <see cref="Train"/> is an image folder tree rather than a CSV file.</summary>
    public bool IsImageFolders => Directory.Exists(Train);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ensemble = true;
        var pretrained = true;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--no-ensemble":
                    ensemble = false;
                    break;
                case "--no-pretrained":
                    pretrained = false;
                    break;
                case "--train" or "--test" or "--label" or "--task" or "--time" or "--seed" or "--tuner" or "--trainers" or "--max-trials" or "--metric":
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException($"Option {args[i]} needs a value.");
                    }

                    if (!values.TryAdd(args[i], args[++i]))
                    {
                        throw new CliUsageException($"Option {args[i - 1]} is given twice.");
                    }

                    break;
                default:
                    throw new CliUsageException($"Unknown option '{args[i]}'. {CliApp.Usage.Split('\n')[0]}");
            }
        }

        var train = Required(values, "--train");
        var task = TaskKindNames.ParseRequest(values.GetValueOrDefault("--task"), "task");
        return new BenchOptions(
            train,
            Required(values, "--test"),
            Directory.Exists(train) ? values.GetValueOrDefault("--label", ImageLabel) : Required(values, "--label"),
            task.Kind,
            task.Modality,
            TimeSpan.FromSeconds(PositiveNumber(Required(values, "--time"), "--time")),
            values.TryGetValue("--seed", out var seed) ? Integer(seed, "--seed") : DefaultSeed,
            values.TryGetValue("--tuner", out var tuner) ? ParseTuner(tuner) : TunerKind.CostFrugal,
            values.TryGetValue("--trainers", out var trainers) ? trainers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            values.TryGetValue("--max-trials", out var max) ? (int)PositiveNumber(max, "--max-trials") : null,
            ensemble,
            pretrained,
            values.TryGetValue("--metric", out var metric) ? Metrics.Parse(metric, "metric") : null);
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new CliUsageException($"Option {name} is required. {CliApp.Usage.Split('\n')[0]}");

    private static double PositiveNumber(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) && value <= int.MaxValue
            ? value
            : throw new CliUsageException($"Option {name} needs a positive number, not '{text}'.");

    private static int Integer(string text, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"Option {name} needs a whole number, not '{text}'.");

    private static TunerKind ParseTuner(string text) => text.ToLowerInvariant() switch
    {
        "costfrugal" or "cfo" => TunerKind.CostFrugal,
        "random" => TunerKind.Random,
        "tpe" => TunerKind.Tpe,
        _ => throw new CliUsageException($"Unknown tuner '{text}'. Use costfrugal, random or tpe."),
    };
}
