using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Bench.Scoring;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Security;
using AutoMLPlatform.Security.Keys;
using AutoMLPlatform.Core.Security;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: AutoMLPlatform.Bench.Scoring --datasets DIR [--work DIR] [--seconds 3] [--wrk "-t2 -c32 -d10s"] [--warmup 10]
//        [--batch-rows 1000000] [--no-http] [--drift true|false]
// Progress goes to stderr; the last stdout line is one JSON object.
var options = BenchOptions.Parse(args);
var cancellationToken = CancellationToken.None;
Directory.CreateDirectory(options.Work);
var dataDirectory = Path.Combine(options.Work, "data");
if (Directory.Exists(dataDirectory))
{
    Directory.Delete(dataDirectory, recursive: true);
}

// Read by this process's scoring services and inherited by the standalone host the HTTP part starts.
Environment.SetEnvironmentVariable("AutoMLPlatform__Scoring__Drift__Enabled", options.Drift ? "true" : "false");
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory;
builder.Services.AddPlatformStorage();
builder.Services.AddPlatformSecurity(StorageServiceCollectionExtensions.GetDataDirectory, bootstrap: false);
builder.Services.AddScoring();
using var host = builder.Build();
await host.StartAsync(cancellationToken);

// Every prediction call carries a key, as in production: one predict+read key of the system tenant.
await host.Services.GetRequiredService<ITenantStore>().TryCreateAsync(new Tenant(TenantId.Default, "system", DateTimeOffset.UtcNow), cancellationToken);
var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "bench", ApiScopes.Predict | ApiScopes.Read, DateTimeOffset.UtcNow, null);
await host.Services.GetRequiredService<IApiKeyStore>().TryCreateAsync(stored, cancellationToken);

Console.Error.WriteLine("training credit (one trial, LightGbm defaults) ...");
var blobs = host.Services.GetRequiredService<IBlobStore>();
var version = await CreditModel.TrainAndRegisterAsync(Path.Combine(options.Datasets, "credit", "train.csv"), blobs,
    host.Services.GetRequiredService<IDatasetStore>(), host.Services.GetRequiredService<IModelRegistry>(), cancellationToken);
var rows = await ReadRowsAsync(Path.Combine(options.Datasets, "credit", "test.csv"), cancellationToken);
Console.Error.WriteLine($"model {version.ModelName} v{version.Version} ({version.Lineage.Trainer}), {rows.Count} held-out rows");

double inProcessKeyCheck;
var inProcess = await new InProcessBench(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.Seconds))
    .RunAsync(version, host.Services.GetRequiredService<ModelCache>(), blobs, rows, cancellationToken);
var driftRows = host.Services.GetRequiredService<DriftMonitor>().Find(version)?.Rows ?? 0;
await host.StopAsync(cancellationToken);

// The standalone host's own composition, not started: its authentication handler and scope policy, timed in process.
await using (var scoringHost = ScoringProgram.Build([dataDirectory]))
{
    inProcessKeyCheck = await KeyCheckBench.MicrosecondsPerCheckAsync(scoringHost.Services, key, TimeSpan.FromSeconds(options.Seconds));
}

var result = new Dictionary<string, object?>
{
    ["bench"] = "scoring",
    ["commit"] = options.Commit,
    ["model"] = $"{version.ModelName} v{version.Version} {version.Lineage.Trainer}",
    ["raw_rows_per_s"] = Math.Round(inProcess.RawRowsPerSecond),
    ["pool_rows_per_s"] = Math.Round(inProcess.PoolRowsPerSecond),
    ["pool_vs_raw"] = Math.Round(inProcess.PoolRowsPerSecond / inProcess.RawRowsPerSecond, 3),
    ["json_pool_rows_per_s"] = Math.Round(inProcess.JsonRowsPerSecond),
    ["json_pool_vs_raw"] = Math.Round(inProcess.JsonRowsPerSecond / inProcess.RawRowsPerSecond, 3),
    ["pool_bytes_per_row"] = Math.Round(inProcess.PoolBytesPerRow),
    ["json_bytes_per_row"] = Math.Round(inProcess.JsonBytesPerRow),
    ["key_check_us"] = Math.Round(inProcessKeyCheck, 3),
    ["drift"] = options.Drift,
    ["drift_rows"] = driftRows,
};

if (options.Http)
{
    using var http = new HttpBench(dataDirectory, key, options.Wrk, options.WarmUp);
    await http.StartHostAsync(cancellationToken);
    var row = JsonSerializer.Serialize(rows[0].Where(c => c.Key != CreditModel.Label)
        .ToDictionary(c => c.Key, c => NumericParser.TryParse(c.Value, out var n) ? n : (object)c.Value));
    var predict = await http.PredictAsync(row, cancellationToken);
    var alive = await http.AliveAsync(cancellationToken);

    // The key's cost over HTTP: /alive with and without a key, alternated twice, best of each (runs are noisy).
    var aliveWithKey = await http.AliveWithKeyAsync(cancellationToken);
    var aliveAgain = await http.AliveAsync(cancellationToken);
    var aliveWithKeyAgain = await http.AliveWithKeyAsync(cancellationToken);
    var bestAlive = Math.Max(alive.RequestsPerSecond, aliveAgain.RequestsPerSecond);
    var bestWithKey = Math.Max(aliveWithKey.RequestsPerSecond, aliveWithKeyAgain.RequestsPerSecond);
    var csv = await WriteBatchAsync(Path.Combine(options.Work, "batch.csv"), rows, options.BatchRows, cancellationToken);
    await http.BatchAsync(await WriteBatchAsync(Path.Combine(options.Work, "warm.csv"), rows, 50_000, cancellationToken), 50_000, cancellationToken);
    var batch = await http.BatchAsync(csv, options.BatchRows, cancellationToken);
    result["wrk"] = options.Wrk;
    result["http_rps"] = Math.Round(predict.RequestsPerSecond);
    result["http_p50_ms"] = predict.P50Milliseconds;
    result["http_p99_ms"] = predict.P99Milliseconds;
    result["http_errors"] = predict.Errors;
    result["alive_rps"] = Math.Round(alive.RequestsPerSecond);
    result["alive_p99_ms"] = alive.P99Milliseconds;
    result["http_vs_alive"] = Math.Round(predict.RequestsPerSecond / alive.RequestsPerSecond, 3);
    result["alive_with_key_rps"] = Math.Round(bestWithKey);
    result["key_check_cost"] = Math.Round(1 - (bestWithKey / bestAlive), 4);
    result["engines_created"] = await http.EnginesCreatedAsync(cancellationToken);
    result["batch_rows"] = options.BatchRows;
    result["batch_rows_per_s"] = Math.Round(batch);
    result["batch_rows_per_min"] = Math.Round(batch * 60);
}

Console.WriteLine(JsonSerializer.Serialize(result));

static async Task<List<Dictionary<string, string>>> ReadRowsAsync(string path, CancellationToken cancellationToken)
{
    using var csv = new CsvReader(File.OpenRead(path));
    var header = new List<string>();
    await csv.ReadRecordAsync(header, cancellationToken);
    var rows = new List<Dictionary<string, string>>();
    var fields = new List<string>();
    while (await csv.ReadRecordAsync(fields, cancellationToken))
    {
        rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
    }

    return rows;
}

// The held-out rows (label dropped) repeated to the wanted count.
static async Task<string> WriteBatchAsync(string path, List<Dictionary<string, string>> rows, long count, CancellationToken cancellationToken)
{
    var columns = rows[0].Keys.Where(k => k != CreditModel.Label).ToArray();
    await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    await writer.WriteLineAsync(string.Join(',', columns));
    for (long i = 0; i < count; i++)
    {
        var row = rows[(int)(i % rows.Count)];
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => row[c])).AsMemory(), cancellationToken);
    }

    return path;
}

/// <summary>Command-line settings of the benchmark.</summary>
internal sealed record BenchOptions(string Datasets, string Work, int Seconds, string Wrk, int WarmUp, long BatchRows, bool Http, string Commit, bool Drift)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        return new BenchOptions(
            Value("--datasets", Path.Combine("..", "shared", "datasets")),
            Value("--work", Path.Combine(Path.GetTempPath(), "amlp-bench-scoring")),
            int.Parse(Value("--seconds", "3"), CultureInfo.InvariantCulture),
            Value("--wrk", "-t2 -c32 -d10s"),
            int.Parse(Value("--warmup", "10"), CultureInfo.InvariantCulture),
            long.Parse(Value("--batch-rows", "1000000"), CultureInfo.InvariantCulture),
            !args.Contains("--no-http"),
            Value("--commit", "unknown"),
            Value("--drift", "true") != "false");
    }
}
