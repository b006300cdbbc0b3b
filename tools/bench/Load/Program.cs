using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMLPlatform.Bench.Load;
using Npgsql;

// Usage: AutoMLPlatform.Bench.Load --server DLL --postgres CONNECTION --csv FILE --label COLUMN [--jobs 500] [--workers 2]
//        [--models 10] [--budget 5] [--work DIR] [--commit SHA] [--mode load|fanout] [--parallelism 1,2] [--rounds 1]
// With --mode fanout: one job at a time, at each --parallelism in turn (--rounds times), and how many trials each ran
// in the same budget (see FanOutRun).
// Submits --jobs small jobs (one trial each) at once to an api process and waits until --workers worker processes
// have drained them; checks none was lost, failed, run twice or registered twice. Progress goes to stderr; the last
// stdout line is one JSON object.
var options = Options.Parse(args);
var cancellationToken = CancellationToken.None;
var database = $"bench_load_{Guid.NewGuid():N}";
await ExecuteAsync(options.Postgres, $"CREATE DATABASE {database}");
var connection = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString;
var dataDirectory = Path.Combine(options.Work, database);
Directory.CreateDirectory(dataDirectory);
const string Key = "bench-load-admin-key-0123456789abcdef0123456789abcdef";
var settings = new Dictionary<string, string>
{
    ["AutoMLPlatform:Provider"] = "Postgres",
    ["AutoMLPlatform:ConnectionString"] = connection,
    ["AutoMLPlatform:DataDirectory"] = dataDirectory,
    ["AutoMLPlatform:Security:BootstrapKey"] = Key,
    ["AutoMLPlatform:Security:MaxActiveJobsPerTenant"] = options.Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Logging:LogLevel:Default"] = "Warning",
};

try
{
    using var cluster = new Cluster(options.Server, dataDirectory, settings);
    var api = await cluster.StartAsync("api", cancellationToken);
    for (var i = 0; i < options.Workers; i++)
    {
        await cluster.StartAsync("worker", cancellationToken);
    }

    using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(2) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    var dataset = await UploadAsync(http, options.Csv, cancellationToken);
    if (options.Mode == "fanout")
    {
        var fanOut = await FanOutRun.RunAsync(http, dataset, options, cancellationToken);
        Console.WriteLine(JsonSerializer.Serialize(fanOut.Json));
        return fanOut.AllSucceeded ? 0 : 1;
    }

    Console.Error.WriteLine($"submitting {options.Jobs} jobs to {api} with {options.Workers} workers ...");
    var clock = Stopwatch.StartNew();
    var ids = new List<string>();
    for (var i = 0; i < options.Jobs; i++)
    {
        using var response = await http.PostAsJsonAsync("/api/jobs", new
        {
            datasetId = dataset, label = options.Label, timeBudgetSeconds = options.Budget, maxTrials = 1, modelName = $"load{i % options.Models}",
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        ids.Add((string)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["id"]!);
    }

    var submitSeconds = clock.Elapsed.TotalSeconds;
    var jobs = await WaitForAllAsync(http, ids, TimeSpan.FromMinutes(60), cancellationToken);
    var drainSeconds = clock.Elapsed.TotalSeconds;
    var versions = 0;
    for (var m = 0; m < options.Models; m++)
    {
        versions += JsonNode.Parse(await http.GetStringAsync($"/api/models/load{m}/versions", cancellationToken))!.AsArray().Count;
    }

    foreach (var failed in jobs.Values.Where(j => (string?)j["status"] == "failed").Take(5))
    {
        Console.Error.WriteLine($"failed job {failed["id"]}: {failed["error"]?.ToJsonString()}");
    }

    var statuses = jobs.Values.GroupBy(j => (string)j["status"]!).ToDictionary(g => g.Key, g => g.Count());
    var result = new Dictionary<string, object?>
    {
        ["bench"] = "load",
        ["commit"] = options.Commit,
        ["jobs"] = options.Jobs,
        ["workers"] = options.Workers,
        ["submit_seconds"] = Math.Round(submitSeconds, 1),
        ["drain_seconds"] = Math.Round(drainSeconds, 1),
        ["jobs_per_minute"] = Math.Round(options.Jobs / (drainSeconds / 60), 1),
        ["succeeded"] = statuses.GetValueOrDefault("succeeded"),
        ["failed"] = statuses.GetValueOrDefault("failed"),
        ["lost"] = options.Jobs - jobs.Count,
        ["retried"] = jobs.Values.Count(j => (int?)j["attempt"] > 1),
        ["versions_registered"] = versions,
    };
    Console.WriteLine(JsonSerializer.Serialize(result));
    return versions == statuses.GetValueOrDefault("succeeded") && statuses.GetValueOrDefault("succeeded") == options.Jobs ? 0 : 1;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(options.Postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    Directory.Delete(dataDirectory, recursive: true);
}

static async Task<string> UploadAsync(HttpClient http, string csv, CancellationToken cancellationToken)
{
    using var form = new MultipartFormDataContent();
    form.Add(new StreamContent(File.OpenRead(csv)), "file", Path.GetFileName(csv));
    form.Add(new StringContent("load"), "name");
    using var response = await http.PostAsync("/api/datasets", form, cancellationToken);
    response.EnsureSuccessStatusCode();
    return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["id"]!;
}

static async Task<Dictionary<string, JsonNode>> WaitForAllAsync(HttpClient http, List<string> ids, TimeSpan timeout, CancellationToken cancellationToken)
{
    var wanted = ids.ToHashSet();
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        var seen = new Dictionary<string, JsonNode>();
        for (var offset = 0; ; offset += 500)
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"/api/jobs?offset={offset}&limit=500", cancellationToken))!;
            var items = page["items"]!.AsArray();
            foreach (var job in items)
            {
                if (wanted.Contains((string)job!["id"]!))
                {
                    seen[(string)job["id"]!] = job;
                }
            }

            if (items.Count < 500)
            {
                break;
            }
        }

        var done = seen.Values.Count(j => (string?)j["status"] is "succeeded" or "failed" or "cancelled");
        Console.Error.WriteLine($"[{deadline.Elapsed.TotalSeconds,6:F0}s] {done}/{ids.Count} jobs finished");
        if (done == ids.Count || deadline.Elapsed > timeout)
        {
            return seen;
        }

        await Task.Delay(2000, cancellationToken);
    }
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
