// The walkthrough as a .NET program: upload a table, train within a budget while watching, predict with typed rows.
// Usage: dotnet run -- [TABLE.csv] [LABEL] [MODEL]   (platform: AUTOMLPLATFORM_URL, AUTOMLPLATFORM_KEY)
using System.Text.Json.Serialization;
using AutoMLPlatform.Client;
using AutoMLPlatform.Client.Jobs;

var table = args.Length > 0 ? args[0] : "../penguins/train.csv";
var label = args.Length > 1 ? args[1] : "species";
var model = args.Length > 2 ? args[2] : "penguins";

using var client = AutoMLPlatformClient.Create(new AutoMLPlatformClientOptions
{
    BaseAddress = new Uri(Environment.GetEnvironmentVariable("AUTOMLPLATFORM_URL") ?? AutoMLPlatformClientOptions.DefaultBaseAddress),
    ApiKey = Environment.GetEnvironmentVariable("AUTOMLPLATFORM_KEY"),
});

try
{
    var dataset = await client.Datasets.UploadFileAsync(table, progress: new Progress<UploadProgress>(p => Console.Write($"\ruploading {p.Fraction:P0}")));
    Console.WriteLine($"\r{dataset.Name} version {dataset.Version}: {dataset.RowCount} rows");

    var job = await client.Jobs.SubmitAsync(new JobRequest(dataset.Id, label) { ModelName = model, TimeBudgetSeconds = 20 });
    Job last = job;
    await foreach (var state in client.Jobs.WatchAsync(job.Id))
    {
        last = state;
        Console.WriteLine($"{state.Status} {state.Progress.Phase}: {state.Progress.TrialsDone} trials, best {state.Metric} {state.Progress.BestScore:0.0000}");
    }

    if (last.Status != JobStatus.Succeeded)
    {
        Console.Error.WriteLine($"training ended {last.Status}: {last.Error}");
        return 1;
    }

    if (label == "species")
    {
        var penguin = new Penguin("Biscoe", 50.1f, 15.2f, 221, 5300, "male");
        var prediction = await client.Predictions.PredictAsync<Penguin, SpeciesPrediction>(model, penguin);
        Console.WriteLine($"{prediction.PredictedLabel} (version {prediction.Version}), p = {prediction.Probabilities[prediction.PredictedLabel]:0.000}");
    }

    return 0;
}
catch (AutoMLPlatformException ex)
{
    // One exception type for every refusal, with the problem details' fields.
    Console.Error.WriteLine($"{(int)ex.Status} {ex.ErrorCode}: {ex.Detail} (trace {ex.TraceId})");
    return 1;
}

/// <summary>A penguin as the model's columns name its measurements.</summary>
internal sealed record Penguin(
    [property: JsonPropertyName("island")] string Island,
    [property: JsonPropertyName("bill_length_mm")] float BillLength,
    [property: JsonPropertyName("bill_depth_mm")] float BillDepth,
    [property: JsonPropertyName("flipper_length_mm")] float FlipperLength,
    [property: JsonPropertyName("body_mass_g")] float BodyMass,
    [property: JsonPropertyName("sex")] string? Sex);

/// <summary>What the model answers for one penguin.</summary>
internal sealed record SpeciesPrediction(string Model, int Version, string PredictedLabel, IReadOnlyDictionary<string, double> Probabilities);
