using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoMLPlatform.Bench.Scoring;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Scoring;
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
//        [--batch-rows 1000000] [--no-http] [--drift true|false] [--trainer Sdca|LightGbm|…] [--trials 1]
//        [--breakdown] [--key-pairs 3] [--log-pairs 0] [--shadow-pairs 0] [--rounds 4]
//        or: cold-start --datasets DIR [--training-rows 100000] [--restarts 5] (a cold model's first answer, ColdStartBench)
// Progress goes to stderr; the last stdout line is one JSON object.
if (args.Length > 0 && args[0] == NoKeyCheckHost.Command)
{
    await NoKeyCheckHost.RunAsync(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == ColdStartBench.Command)
{
    await ColdStartBench.RunAsync(args[1..], CancellationToken.None);
    return;
}

if (args.Length > 0 && args[0] == InProcessBench.Command)
{
    await InProcessBench.MeasureAsync(args[1..], CancellationToken.None);
    return;
}

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
using var host = await BenchHost.StartAsync(dataDirectory, cancellationToken);

// Every prediction call carries a key, as in production: one predict+read key of the system tenant.
await host.Services.GetRequiredService<ITenantStore>().TryCreateAsync(new Tenant(TenantId.Default, "system", DateTimeOffset.UtcNow), cancellationToken);
var (key, stored) = ApiKeyFactory.Create(TenantId.Default, "bench", ApiScopes.Predict | ApiScopes.Read, DateTimeOffset.UtcNow, null);
await host.Services.GetRequiredService<IApiKeyStore>().TryCreateAsync(stored, cancellationToken);

// /metrics is the operator's view of every tenant: it needs a system admin key, kept apart from the measured one.
var (metricsKey, metricsStored) = ApiKeyFactory.Create(TenantId.Default, "bench-metrics", ApiScopes.Admin, DateTimeOffset.UtcNow, null);
await host.Services.GetRequiredService<IApiKeyStore>().TryCreateAsync(metricsStored, cancellationToken);

Console.Error.WriteLine($"training credit ({options.Trials} trial(s), {options.Trainer ?? "every trainer"}) ...");
var blobs = host.Services.GetRequiredService<IBlobStore>();
var version = await CreditModel.TrainAndRegisterAsync(Path.Combine(options.Datasets, "credit", "train.csv"), blobs,
    host.Services.GetRequiredService<IDatasetStore>(), host.Services.GetRequiredService<IModelRegistry>(), options.Trainer, options.Trials, cancellationToken);
var registry = host.Services.GetRequiredService<IModelRegistry>();
if (options.ShadowPairs > 0)
{
    // The shadow: a second version of the same artifact, so the shadow's cost is the platform's, not a costlier model's.
    await registry.RegisterAsync(new NewModelVersion(version.TenantId, version.ModelName, version.Task, version.Label, version.Metric, version.Metrics,
        version.Inputs, version.Classes, version.Lineage, version.ArtifactSha256, version.ArtifactSizeBytes), cancellationToken);
}

var testCsv = Path.Combine(options.Datasets, "credit", "test.csv");
var rows = await CreditModel.ReadRowsAsync(testCsv, cancellationToken);
Console.Error.WriteLine($"model {version.ModelName} v{version.Version} ({version.Lineage.Trainer}), {rows.Count} held-out rows");

KeyCheckBench.Result inProcessKeyCheck;
if (options.Breakdown)
{
    var cache = host.Services.GetRequiredService<ModelCache>();
    PoolBreakdown.Run(cache, await BenchPaths.CreateAsync(BenchPaths.Raw, version, cache, blobs, rows, cancellationToken), BenchPaths.Binder(version, rows),
        new InterleavedRates(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromMilliseconds(100)));
}

var inProcess = await new InProcessBench(dataDirectory, testCsv, options.Rounds, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(options.Seconds),
        options.Breakdown ? [.. BenchPaths.All, BenchPaths.Session] : BenchPaths.All)
    .RunAsync(cancellationToken);
await host.StopAsync(cancellationToken);

// The standalone host's own composition, not started: its authentication handler and scope policy, timed in process.
await using (var scoringHost = ScoringProgram.Build([dataDirectory]))
{
    inProcessKeyCheck = await KeyCheckBench.MeasureAsync(scoringHost.Services, key, TimeSpan.FromSeconds(options.Seconds));
}

var result = new Dictionary<string, object?>
{
    ["bench"] = "scoring",
    ["commit"] = options.Commit,
    ["model"] = $"{version.ModelName} v{version.Version} {version.Lineage.Trainer}",
    ["trials"] = options.Trials,
    ["raw_rows_per_s"] = Math.Round(inProcess.RawRowsPerSecond),
    ["pool_rows_per_s"] = Math.Round(inProcess.PoolRowsPerSecond),
    ["pool_vs_raw"] = Math.Round(inProcess.PoolVsRaw, 3),
    ["pool_vs_raw_by_round"] = inProcess.PoolVsRawByRound.Select(r => Math.Round(r, 3)).ToArray(),
    ["json_pool_rows_per_s"] = Math.Round(inProcess.JsonRowsPerSecond),
    ["json_pool_vs_raw"] = Math.Round(inProcess.JsonVsRaw, 3),
    ["pool_bytes_per_row"] = Math.Round(inProcess.PoolBytesPerRow),
    ["json_bytes_per_row"] = Math.Round(inProcess.JsonBytesPerRow),
    ["key_check_us"] = Math.Round(inProcessKeyCheck.MicrosecondsPerCheck, 3),
    ["key_check_with_scope_us"] = Math.Round(inProcessKeyCheck.MicrosecondsWithScope, 3),
    ["drift"] = options.Drift,
    ["drift_rows"] = inProcess.DriftRows,
    ["pool_no_drift_rows_per_s"] = Math.Round(inProcess.PoolNoDriftRowsPerSecond),
    ["json_no_drift_rows_per_s"] = Math.Round(inProcess.JsonNoDriftRowsPerSecond),
    ["drift_cost"] = Math.Round(inProcess.PoolDriftCost, 4),
    ["json_drift_cost"] = Math.Round(inProcess.JsonDriftCost, 4),
};

if (options.Http)
{
    using var http = new HttpBench(dataDirectory, key, metricsKey, options.Wrk, options.WarmUp);
    await http.StartHostsAsync(cancellationToken);
    var row = JsonSerializer.Serialize(rows[0].Where(c => c.Key != CreditModel.Label)
        .ToDictionary(c => c.Key, c => NumericParser.TryParse(c.Value, out var n) ? n : (object)c.Value));
    var predict = await http.PredictAsync(row, checkKey: true, cancellationToken);
    var alive = await http.AliveAsync(cancellationToken);

    // The key's cost: the same single-row load on the host without the key check and on the real one, in alternating
    // pairs (runs are noisy on a shared machine), each pair's ratio taken within the pair. The host without the check
    // is first given the load the real one has had (the run above), discarded: with only its own short warm-up its code
    // was still being tiered up in the first pair, which measured it 20-30 % slower than it runs.
    await http.PredictAsync(row, checkKey: false, cancellationToken);
    var pairs = new List<(double Off, double On)>();
    for (var pair = 0; pair < options.KeyPairs; pair++)
    {
        var without = await http.PredictAsync(row, checkKey: false, cancellationToken);
        var with = await http.PredictAsync(row, checkKey: true, cancellationToken);
        pairs.Add((without.RequestsPerSecond, with.RequestsPerSecond));
        Console.Error.WriteLine($"key pair {pair + 1}: {with.RequestsPerSecond:N0} rps with the check, {without.RequestsPerSecond:N0} without");
    }

    // The prediction log's cost: the same single-row load with logging off and at 100 %, in alternating pairs on the
    // real host (the writer shares the host's cores, as in production), each pair's ratio taken within the pair.
    var logPairs = new List<(double Off, double On)>();
    var logStartBytes = DatabaseBytes(dataDirectory);
    for (var pair = 0; pair < options.LogPairs; pair++)
    {
        await http.SetPredictionLogAsync(0, cancellationToken);
        var off = await http.PredictAsync(row, checkKey: true, cancellationToken);
        await http.SetPredictionLogAsync(1, cancellationToken);
        var on = await http.PredictAsync(row, checkKey: true, cancellationToken);
        await http.SetPredictionLogAsync(0, cancellationToken);
        logPairs.Add((off.RequestsPerSecond, on.RequestsPerSecond));
        Console.Error.WriteLine($"log pair {pair + 1}: {on.RequestsPerSecond:N0} rps logging every row, {off.RequestsPerSecond:N0} without");
    }

    if (logPairs.Count > 0)
    {
        // What the log takes on disk: the database's growth over the rows written (the writer gathers for 200 ms; give it a second).
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var (written, dropped) = await http.PredictionLogCountsAsync(cancellationToken);
        Summarize(result, "predict_rps_log_off", "predict_rps_log_all", "log_http_ratio", logPairs);
        result["log_rows_written"] = written;
        result["log_rows_dropped"] = dropped;
        result["log_disk_bytes_per_row"] = written == 0 ? 0 : Math.Round((double)(DatabaseBytes(dataDirectory) - logStartBytes) / written, 1);
    }

    // A shadow version's cost: the same load with the production alias's split off and with a shadow scoring every row
    // (its outputs logged, never returned), in alternating pairs. The host follows the split from the registry.
    var shadowPairs = new List<(double Off, double On)>();
    for (var pair = 0; pair < options.ShadowPairs; pair++)
    {
        await SetShadowAsync(registry, version, null, cancellationToken);
        var off = await http.PredictAsync(row, checkKey: true, cancellationToken);
        await SetShadowAsync(registry, version, version.Version + 1, cancellationToken);
        var on = await http.PredictAsync(row, checkKey: true, cancellationToken);
        shadowPairs.Add((off.RequestsPerSecond, on.RequestsPerSecond));
        Console.Error.WriteLine($"shadow pair {pair + 1}: {on.RequestsPerSecond:N0} rps with a shadow version, {off.RequestsPerSecond:N0} without");
    }

    if (shadowPairs.Count > 0)
    {
        await SetShadowAsync(registry, version, null, cancellationToken);
        var (scored, dropped) = await http.ShadowCountsAsync(cancellationToken);
        Summarize(result, "predict_rps_shadow_off", "predict_rps_shadow_on", "shadow_http_ratio", shadowPairs);
        result["shadow_rows_scored"] = scored;
        result["shadow_rows_dropped"] = dropped;
    }

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
    Summarize(result, "predict_rps_key_unchecked", "predict_rps_key_checked", "key_check_http_ratio", pairs);

    result["engines_created"] = await http.EnginesCreatedAsync(cancellationToken);
    result["batch_rows"] = options.BatchRows;
    result["batch_rows_per_s"] = Math.Round(batch);
    result["batch_rows_per_min"] = Math.Round(batch * 60);
}

Console.WriteLine(JsonSerializer.Serialize(result));

// One setting's alternating pairs (off, on): the median rate of each side, and the median and range of the ratio on/off within a pair.
static void Summarize(Dictionary<string, object?> result, string off, string on, string ratio, IReadOnlyList<(double Off, double On)> pairs)
{
    result[off] = Math.Round(InterleavedRates.Median(pairs.Select(p => p.Off)));
    result[on] = Math.Round(InterleavedRates.Median(pairs.Select(p => p.On)));
    result[ratio] = Math.Round(InterleavedRates.Median(pairs.Select(p => p.On / p.Off)), 3);
    result[ratio + "_range"] = new[] { Math.Round(pairs.Min(p => p.On / p.Off), 3), Math.Round(pairs.Max(p => p.On / p.Off), 3) };
}

// The bytes of the host's SQLite database, its write-ahead log included.
static long DatabaseBytes(string dataDirectory) =>
    new DirectoryInfo(dataDirectory).EnumerateFiles("*.db*").Sum(f => f.Length);

// Sets (or clears) the production alias's shadow, then gives the host's registry watcher (1 s poll) time to load it.
static async Task SetShadowAsync(IModelRegistry registry, ModelVersion champion, int? shadow, CancellationToken cancellationToken)
{
    await registry.SetAliasSplitAsync(champion.TenantId, champion.ModelName, ModelAliases.Production, champion.Version,
        new AliasSplit(null, 0, shadow), cancellationToken);
    await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
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
internal sealed record BenchOptions(string Datasets, string Work, int Seconds, string Wrk, int WarmUp, long BatchRows, bool Http, string Commit, bool Drift,
    string? Trainer, bool Breakdown, int KeyPairs, int Rounds, int Trials, int LogPairs, int ShadowPairs)
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
            Value("--drift", "true") != "false",
            Value("--trainer", string.Empty) is { Length: > 0 } trainer ? trainer : null,
            args.Contains("--breakdown"),
            int.Parse(Value("--key-pairs", "3"), CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds", "4"), CultureInfo.InvariantCulture),
            int.Parse(Value("--trials", "1"), CultureInfo.InvariantCulture),
            int.Parse(Value("--log-pairs", "0"), CultureInfo.InvariantCulture),
            int.Parse(Value("--shadow-pairs", "0"), CultureInfo.InvariantCulture));
    }
}
