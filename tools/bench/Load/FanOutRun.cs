using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AutoMLPlatform.Bench.Load;

/// <summary>
/// The fan-out benchmark: one job at a time on an idle cluster, the same data, budget and seed at each parallelism, and
/// how many trials each finished and how well the best validated. With 2 workers, parallelism 2 should run about twice
/// the trials of parallelism 1 in the same wall time.
/// </summary>
internal static class FanOutRun
{
    public static async Task<(Dictionary<string, object?> Json, bool AllSucceeded)> RunAsync(HttpClient http, string dataset, Options options,
        CancellationToken cancellationToken)
    {
        var runs = new List<Dictionary<string, object?>>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var parallelism in options.Parallelism)
            {
                runs.Add(await RunOneAsync(http, dataset, options, parallelism, cancellationToken));
            }
        }

        var json = new Dictionary<string, object?>
        {
            ["bench"] = "fanout",
            ["commit"] = options.Commit,
            ["workers"] = options.Workers,
            ["budget_seconds"] = options.Budget,
            ["runs"] = runs,
        };
        foreach (var parallelism in options.Parallelism)
        {
            var mine = runs.Where(r => (int)r["parallelism"]! == parallelism).ToArray();
            json[$"p{parallelism}_trials"] = mine.Average(r => (int)r["trials"]!);
            json[$"p{parallelism}_best"] = mine.Average(r => (double?)r["best"] ?? double.NaN);
            json[$"p{parallelism}_seconds"] = Math.Round(mine.Average(r => (double)r["seconds"]!), 1);
        }

        var first = options.Parallelism[0];
        foreach (var parallelism in options.Parallelism.Skip(1))
        {
            json[$"trials_ratio_p{parallelism}_vs_p{first}"] = Math.Round((double)json[$"p{parallelism}_trials"]! / (double)json[$"p{first}_trials"]!, 2);
        }

        return (json, runs.All(r => (string?)r["status"] == "succeeded"));
    }

    private static async Task<Dictionary<string, object?>> RunOneAsync(HttpClient http, string dataset, Options options, int parallelism,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/api/jobs", new
        {
            datasetId = dataset, label = options.Label, timeBudgetSeconds = options.Budget, modelName = $"fanout-p{parallelism}", parallelism,
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["id"]!;
        JsonNode job;
        while (true)
        {
            job = JsonNode.Parse(await http.GetStringAsync($"/api/jobs/{id}", cancellationToken))!;
            if ((string?)job["status"] is "succeeded" or "failed" or "cancelled")
            {
                break;
            }

            await Task.Delay(500, cancellationToken);
        }

        var trials = job["leaderboard"]!.AsArray();
        var parts = job["parts"]?.AsArray().Select(p => $"{p!["status"]} on {p["worker"]}: {p["trials"]} trials, best {p["bestTrainer"]}").ToArray() ?? [];
        Console.Error.WriteLine($"parallelism {parallelism}: {job["status"]}, {trials.Count} trials in {clock.Elapsed.TotalSeconds:F0} s, best "
            + $"{job["progress"]!["bestScore"]} ({job["progress"]!["bestTrainer"]}); {string.Join("; ", parts)}");
        return new Dictionary<string, object?>
        {
            ["parallelism"] = parallelism,
            ["status"] = (string?)job["status"],
            ["trials"] = trials.Count,
            ["best"] = (double?)job["progress"]!["bestScore"],
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            ["trainers"] = trials.Select(t => (string?)t!["trainer"]).Distinct().Order().ToArray(),
        };
    }
}
