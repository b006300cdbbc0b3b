using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// The standalone scoring host as a child process over the benchmark's data directory, measured from outside: wrk
/// on single-row JSON predictions and on <c>/alive</c> (the same host's HTTP ceiling), then one large CSV batch; and
/// the same host without the key check beside it, for what checking keys costs.
/// </summary>
internal sealed partial class HttpBench(string dataDirectory, string apiKey, string metricsKey, string wrkArguments, int warmUpSeconds) : IDisposable
{
    private HostProcess? _host;
    private HostProcess? _unchecked;

    public sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Errors);

    /// <summary>Starts the standalone host and, beside it, the benchmark's copy of it without the key check (<see cref="NoKeyCheckHost"/>).</summary>
    public async Task StartHostsAsync(CancellationToken cancellationToken)
    {
        _host = await HostProcess.StartAsync("host", Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Scoring.dll"), [dataDirectory], cancellationToken);
        _unchecked = await HostProcess.StartAsync("unchecked", Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Bench.Scoring.dll"),
            [NoKeyCheckHost.Command, dataDirectory], cancellationToken);
    }

    /// <summary>
    /// wrk on POST /api/predict/credit with one row per request, each carrying the key, on the standalone host or (with
    /// <paramref name="checkKey"/> false) on the same host without the key check; after a warm-up run of the same kind.
    /// </summary>
    public async Task<WrkResult> PredictAsync(string rowJson, bool checkKey, CancellationToken cancellationToken)
    {
        var script = Path.Combine(dataDirectory, "post.lua");
        var body = rowJson.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.body = \"{body}\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Authorization\"] = \"Bearer {apiKey}\"\n", cancellationToken);
        var url = (checkKey ? _host! : _unchecked!).Url($"/api/predict/{CreditModel.Name}");
        await WrkAsync($"-t2 -c32 -d{warmUpSeconds}s -s {script} {url}", cancellationToken);
        return await WrkAsync($"{wrkArguments} --latency -s {script} {url}", cancellationToken);
    }

    /// <summary>wrk on GET /alive: what the same host answers when it does no work.</summary>
    public async Task<WrkResult> AliveAsync(CancellationToken cancellationToken)
    {
        await WrkAsync($"-t2 -c32 -d{Math.Max(2, warmUpSeconds / 2)}s {Url("/alive")}", cancellationToken);
        return await WrkAsync($"{wrkArguments} --latency {Url("/alive")}", cancellationToken);
    }

    /// <summary>
    /// Streams <paramref name="csvPath"/> through the batch endpoint with curl (a full-duplex client: it reads the answer
    /// while still sending) and returns rows answered per second.
    /// </summary>
    public async Task<double> BatchAsync(string csvPath, long expectedRows, CancellationToken cancellationToken)
    {
        var answer = csvPath + ".out";
        var start = new ProcessStartInfo("curl", ["-sS", "--fail", "-o", answer, "-H", "Content-Type: text/csv", "-H", $"Authorization: Bearer {apiKey}", "--data-binary", "@" + csvPath,
            Url($"/api/predict/{CreditModel.Name}/batch")]) { UseShellExecute = false };
        var watch = Stopwatch.StartNew();
        using (var curl = Process.Start(start)!)
        {
            await curl.WaitForExitAsync(cancellationToken);
            if (curl.ExitCode != 0)
            {
                throw new InvalidOperationException($"curl exited {curl.ExitCode} on the batch.");
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        long lines = 0;
        await foreach (var line in File.ReadLinesAsync(answer, cancellationToken))
        {
            lines++;
        }

        if (lines - 1 != expectedRows)
        {
            throw new InvalidOperationException($"The batch answered {lines - 1} rows for {expectedRows}.");
        }

        File.Delete(answer);
        return expectedRows / seconds;
    }

    /// <summary>Switches the standalone host's prediction log for the model (0 is off, 1 logs every row), as an operator would.</summary>
    public async Task SetPredictionLogAsync(double sampleRate, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", metricsKey);
        using var body = new StringContent($"{{\"sampleRate\": {sampleRate.ToString(CultureInfo.InvariantCulture)}, \"retentionDays\": 1}}",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(Url($"/api/models/{CreditModel.Name}/prediction-log"), body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The host's prediction log counters (rows written, rows dropped), from /metrics.</summary>
    public async Task<(long Written, long Dropped)> PredictionLogCountsAsync(CancellationToken cancellationToken)
    {
        var counts = await CountersAsync(["scoring_prediction_log_written_total", "scoring_prediction_log_dropped_total"], cancellationToken);
        return (counts[0], counts[1]);
    }

    /// <summary>The host's shadow counters (rows a shadow version scored, rows dropped), from /metrics.</summary>
    public async Task<(long Scored, long Dropped)> ShadowCountsAsync(CancellationToken cancellationToken)
    {
        var counts = await CountersAsync(["scoring_shadow_scored_total", "scoring_shadow_dropped_total"], cancellationToken);
        return (counts[0], counts[1]);
    }

    /// <summary>Each counter's value on the host's /metrics (0 when it has none yet).</summary>
    private async Task<long[]> CountersAsync(string[] series, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", metricsKey);
        var text = await http.GetStringAsync(Url("/metrics"), cancellationToken);
        return series.Select(name => Regex.Match(text, $@"^{name}(\{{[^}}]*\}})? (\d+)", RegexOptions.Multiline) is { Success: true } m
            ? long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0).ToArray();
    }

    /// <summary>Engines the host created for the model: the warmed pool, plus one per burst beyond it (churn costs latency).</summary>
    public async Task<long> EnginesCreatedAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", metricsKey);
        var text = await http.GetStringAsync(Url("/metrics"), cancellationToken);
        var match = Regex.Match(text, @"^scoring_engines_created_total\{[^}]*\} (\d+)", RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    public void Dispose()
    {
        _host?.Dispose();
        _unchecked?.Dispose();
    }

    private static async Task<WrkResult> WrkAsync(string arguments, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"wrk {arguments}");
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        Console.Error.WriteLine(output);
        var errors = ErrorsPattern().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            + (NonSuccessPattern().Match(output) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return new WrkResult(
            double.Parse(RatePattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"),
            Percentile(output, "99"),
            errors);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    private string Url(string path) => _host!.Url(path);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex ErrorsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessPattern();
}
