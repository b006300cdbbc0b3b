using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Security.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// A cold model's first answer: trains credit once (its training rows repeated to <c>--training-rows</c>, so the drift
/// reference has that many rows to read), then starts the standalone scoring host afresh <c>--restarts</c> times and
/// times its first single-row <c>POST /api/predict/credit</c> (model load, warm-up and whatever else the first request
/// waits for) and the second one (warm). Usage: <c>cold-start --datasets DIR [--work DIR] [--training-rows 100000]
/// [--restarts 5] [--commit SHA]</c>. Progress on stderr; the last stdout line is one JSON object.
/// </summary>
internal static class ColdStartBench
{
    public const string Command = "cold-start";

    public static async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var datasets = Value("--datasets", Path.Combine("..", "shared", "datasets"));
        var work = Value("--work", Path.Combine(Path.GetTempPath(), "amlp-bench-cold-start"));
        var trainingRows = int.Parse(Value("--training-rows", "100000"), CultureInfo.InvariantCulture);
        var restarts = int.Parse(Value("--restarts", "5"), CultureInfo.InvariantCulture);
        var dataDirectory = Path.Combine(work, "data");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        try
        {
            var trainCsv = await RepeatRowsAsync(Path.Combine(datasets, "credit", "train.csv"), Path.Combine(work, "train.csv"), trainingRows, cancellationToken);
            var (key, row) = await TrainAsync(dataDirectory, trainCsv, Path.Combine(datasets, "credit", "test.csv"), cancellationToken);
            var first = new List<double>();
            var second = new List<double>();
            for (var restart = 0; restart < restarts; restart++)
            {
                using var host = await HostProcess.StartAsync("host", Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Scoring.dll"), [dataDirectory],
                    cancellationToken);
                using var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                first.Add(await PredictAsync(http, host, row, cancellationToken));
                second.Add(await PredictAsync(http, host, row, cancellationToken));
                Console.Error.WriteLine($"restart {restart + 1}: first predict {first[^1]:N1} ms, second {second[^1]:N2} ms");
            }

            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["bench"] = "scoring-cold-start",
                ["commit"] = Value("--commit", "unknown"),
                ["training_rows"] = trainingRows,
                ["restarts"] = restarts,
                ["first_predict_ms_median"] = Math.Round(InterleavedRates.Median(first), 1),
                ["first_predict_ms"] = first.Select(ms => Math.Round(ms, 1)).ToArray(),
                ["second_predict_ms_median"] = Math.Round(InterleavedRates.Median(second), 2),
            }));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Trains and registers credit in a fresh data directory with a predict+read key; returns the key and one held-out row as JSON.</summary>
    private static async Task<(string Key, string Row)> TrainAsync(string dataDirectory, string trainCsv, string testCsv, CancellationToken cancellationToken)
    {
        using var host = await BenchHost.StartAsync(dataDirectory, cancellationToken);
        await host.Services.GetRequiredService<ITenantStore>().TryCreateAsync(new Tenant(TenantId.Default, "system", DateTimeOffset.UtcNow), cancellationToken);
        var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "bench", ApiScopes.Predict | ApiScopes.Read, DateTimeOffset.UtcNow, null);
        await host.Services.GetRequiredService<IApiKeyStore>().TryCreateAsync(stored, cancellationToken);
        Console.Error.WriteLine($"training credit on {trainCsv} (one trial) ...");
        var version = await CreditModel.TrainAndRegisterAsync(trainCsv, host.Services.GetRequiredService<IBlobStore>(),
            host.Services.GetRequiredService<IDatasetStore>(), host.Services.GetRequiredService<IModelRegistry>(), null, 1, cancellationToken);
        Console.Error.WriteLine($"model {version.ModelName} v{version.Version} ({version.Lineage.Trainer})");
        await host.StopAsync(cancellationToken);
        var rows = await CreditModel.ReadRowsAsync(testCsv, cancellationToken);
        var row = JsonSerializer.Serialize(rows[0].Where(c => c.Key != CreditModel.Label)
            .ToDictionary(c => c.Key, c => NumericParser.TryParse(c.Value, out var n) ? n : (object)c.Value));
        return (key, row);
    }

    private static async Task<double> PredictAsync(HttpClient http, HostProcess host, string row, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(host.Url($"/api/predict/{CreditModel.Name}"), new StringContent(row, Encoding.UTF8, "application/json"),
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"predict answered {(int)response.StatusCode}: {body}");
        }

        return elapsed;
    }

    /// <summary>The header and the data rows of <paramref name="source"/> repeated until there are <paramref name="rows"/>.</summary>
    private static async Task<string> RepeatRowsAsync(string source, string target, int rows, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(source, cancellationToken);
        await using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(lines[0]);
        for (var i = 0; i < rows; i++)
        {
            await writer.WriteLineAsync(lines[1 + (i % (lines.Length - 1))].AsMemory(), cancellationToken);
        }

        return target;
    }
}
