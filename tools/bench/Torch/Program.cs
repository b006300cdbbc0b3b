using System.Text.Json;
using AutoMLPlatform.Bench.Torch;
using AutoMLPlatform.Torch.Native;

var datasets = Arg("--datasets", SharedDatasets());
var imageBudget = double.Parse(Arg("--image-budget", "120"), System.Globalization.CultureInfo.InvariantCulture);
var textBudget = double.Parse(Arg("--text-budget", "60"), System.Globalization.CultureInfo.InvariantCulture);
var sets = Arg("--sets", "fine_foods,austen,fashion-mnist,digits").Split(',', StringSplitOptions.RemoveEmptyEntries);
var seed = int.Parse(Arg("--seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
var threads = int.Parse(Arg("--threads", "2"), System.Globalization.CultureInfo.InvariantCulture);
var pytorchSeconds = args.Contains("--pytorch") ? double.Parse(Arg("--pytorch-seconds", "40"), System.Globalization.CultureInfo.InvariantCulture) : 0;

Console.Error.WriteLine($"native: {TorchNative.EnsureLoaded()}");
TorchSharp.torch.set_num_threads(threads);
var results = new Dictionary<string, object> { ["bench"] = "torch", ["threads"] = threads, ["commit"] = Arg("--commit", "unknown") };
foreach (var set in sets)
{
    results[set] = set switch
    {
        "fine_foods" => await TextBench.RunAsync(datasets, set, "review", "score", textBudget, seed),
        "austen" => await TextBench.RunAsync(datasets, set, "text", "novel", textBudget, seed),
        _ => await ImageBench.RunAsync(datasets, set, imageBudget, seed, threads, pytorchSeconds),
    };
}

Console.WriteLine(JsonSerializer.Serialize(results));

// The shared datasets sit beside the repository: ../shared/datasets from the folder holding AutoMLPlatform.sln.
static string SharedDatasets()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AutoMLPlatform.sln")))
        {
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
        }
    }

    throw new InvalidOperationException("AutoMLPlatform.sln was not found above the benchmark; pass --datasets.");
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
