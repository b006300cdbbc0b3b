using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// The standalone scoring host as a child process over the benchmark's data directory, measured from outside: wrk
/// on single-row JSON predictions and on <c>/alive</c> (the same host's HTTP ceiling), then one large CSV batch.
/// </summary>
internal sealed partial class HttpBench(string dataDirectory, string apiKey, string wrkArguments, int warmUpSeconds) : IDisposable
{
    private Process? _host;
    private int _port;

    public sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Errors);

    public async Task StartHostAsync(CancellationToken cancellationToken)
    {
        _port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Scoring.dll");
        var start = new ProcessStartInfo("dotnet", [dll, dataDirectory, "--urls", $"http://127.0.0.1:{_port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[host] {e.Data}"); } };
        _host.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[host] {e.Data}"); } };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(Url("/alive"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The scoring host did not start.");
    }

    /// <summary>wrk on POST /api/predict/credit with one row per request, after a warm-up run of the same kind.</summary>
    public async Task<WrkResult> PredictAsync(string rowJson, CancellationToken cancellationToken)
    {
        var script = Path.Combine(dataDirectory, "post.lua");
        var body = rowJson.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.body = \"{body}\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Authorization\"] = \"Bearer {apiKey}\"\n", cancellationToken);
        var url = Url($"/api/predict/{CreditModel.Name}");
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
    /// wrk on GET /alive sending a valid key: the host authenticates every request that carries one, so the gap to
    /// <see cref="AliveAsync"/> is what checking a key costs over HTTP.
    /// </summary>
    public Task<WrkResult> AliveWithKeyAsync(CancellationToken cancellationToken) =>
        WrkAsync($"{wrkArguments} --latency -H \"Authorization: Bearer {apiKey}\" {Url("/alive")}", cancellationToken);

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

    /// <summary>Engines the host created for the model: the warmed pool, plus one per burst beyond it (churn costs latency).</summary>
    public async Task<long> EnginesCreatedAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var text = await http.GetStringAsync(Url("/metrics"), cancellationToken);
        var match = Regex.Match(text, @"^scoring_engines_created_total\{[^}]*\} (\d+)", RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    public void Dispose()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            _host.WaitForExit();
        }

        _host?.Dispose();
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

    private string Url(string path) => $"http://127.0.0.1:{_port}{path}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex ErrorsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessPattern();
}
