using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// Rows per second of each of <see cref="BenchPaths"/> on one thread, each path alone in a process of its own
/// (<c>measure-path PATH DATA TEST.CSV WARMUP_S MEASURE_S</c>), in rounds of raw, pool, JSON; each path's rate is its
/// best round. A process per path because the raw engine and the pool's engine run the same ML.NET code (generic,
/// shared between row types): in one process the JIT's profile-guided choices in that code follow whichever path ran
/// most while it was profiled, which moved the ratio between 0.72 and 1.07 from the order of the warm-up alone. Alone,
/// each path gets the profile it would get in production. The best round because a process now and then runs a path
/// 30-40 % slower throughout (seen for every path, with profile-guided optimisation on or off): that is the luck of the
/// process, not the cost of the path.
/// <para>
/// Drift's cost is taken inside the pool and JSON processes: the same path in turns with the version's drift recorder
/// attached (as served) and detached, the ratio per turn, so both sides see the same process and the same machine.
/// </para>
/// </summary>
internal sealed class InProcessBench(string dataDirectory, string testCsv, int rounds, TimeSpan warmUp, TimeSpan measure, IReadOnlyList<string> paths)
{
    public const string Command = "measure-path";

    /// <param name="PoolVsRawByRound">Each round's pool rate over its raw rate, for the spread.</param>
    /// <param name="PoolNoDriftRowsPerSecond">The pool path with the drift recorder detached (equal to the pool rate when drift is off).</param>
    /// <param name="PoolDriftCost">Median over rounds of 1 - (pool with drift / pool without), each taken turn by turn in one process.</param>
    /// <param name="DriftRows">Rows the drift recorders counted, over every measuring process.</param>
    public sealed record Result(double RawRowsPerSecond, double PoolRowsPerSecond, double JsonRowsPerSecond, double PoolVsRaw, double[] PoolVsRawByRound,
        double JsonVsRaw, double PoolBytesPerRow, double JsonBytesPerRow, double PoolNoDriftRowsPerSecond, double JsonNoDriftRowsPerSecond,
        double PoolDriftCost, double JsonDriftCost, long DriftRows);

    /// <param name="DriftCost">0 when the path does not record drift (raw) or drift is off.</param>
    private sealed record PathResult(double RowsPerSecond, double BytesPerRow, double NoDriftRowsPerSecond, double DriftCost, long DriftRows);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var measured = paths.ToDictionary(p => p, _ => new List<PathResult>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var path in paths)
            {
                measured[path].Add(await RunPathAsync(path, cancellationToken));
            }

            Console.Error.WriteLine($"round {round}: " + string.Join(", ", paths.Select(p => $"{p} {measured[p][^1].RowsPerSecond:N0}")) +
                $" rows/s; pool/raw {measured[BenchPaths.Pool][^1].RowsPerSecond / measured[BenchPaths.Raw][^1].RowsPerSecond:F3}");
        }

        double Rate(string path) => measured[path].Max(m => m.RowsPerSecond);
        double Bare(string path) => measured[path].Max(m => m.NoDriftRowsPerSecond);
        double DriftCost(string path) => InterleavedRates.Median(measured[path].Select(m => m.DriftCost));
        var poolRatios = measured[BenchPaths.Pool].Zip(measured[BenchPaths.Raw], (m, raw) => m.RowsPerSecond / raw.RowsPerSecond).ToArray();
        Console.Error.WriteLine($"drift: costs {DriftCost(BenchPaths.Pool):P1} on the pool path, {DriftCost(BenchPaths.Json):P1} on the JSON path");
        return new Result(Rate(BenchPaths.Raw), Rate(BenchPaths.Pool), Rate(BenchPaths.Json), Rate(BenchPaths.Pool) / Rate(BenchPaths.Raw), poolRatios,
            Rate(BenchPaths.Json) / Rate(BenchPaths.Raw), measured[BenchPaths.Pool][^1].BytesPerRow, measured[BenchPaths.Json][^1].BytesPerRow,
            Bare(BenchPaths.Pool), Bare(BenchPaths.Json), DriftCost(BenchPaths.Pool), DriftCost(BenchPaths.Json),
            measured.Values.SelectMany(m => m).Sum(m => m.DriftRows));
    }

    /// <summary>The child process: measures one path over the registered model and prints its rate and allocation as JSON.</summary>
    public static async Task MeasureAsync(string[] args, CancellationToken cancellationToken)
    {
        var (path, data, csv) = (args[0], args[1], args[2]);
        var (warmUp, measure) = (TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(args[4], CultureInfo.InvariantCulture)));
        using var host = await BenchHost.StartAsync(data, cancellationToken);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var version = await registry.ResolveAliasAsync(TenantId.Default, CreditModel.Name, ModelAliases.Production, cancellationToken)
            ?? throw new InvalidOperationException("The benchmark's model has no production version.");
        var cache = host.Services.GetRequiredService<ModelCache>();
        var predict = await BenchPaths.CreateAsync(path, version, cache, host.Services.GetRequiredService<IBlobStore>(),
            await CreditModel.ReadRowsAsync(csv, cancellationToken), cancellationToken);
        var rates = new InterleavedRates(warmUp, measure, TimeSpan.FromMilliseconds(100));

        // Held for the whole measurement, so the version (and the recorder attached to it) stays the cached one.
        using var held = BenchPaths.Warm(cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, cancellationToken));
        var model = held.Model;
        var sink = path == BenchPaths.Raw ? null : model.Drift;

        // The steady state is measured: the reference is built in the background after the load, so wait for it.
        var recorder = sink is null ? null : await sink.Ready;
        PathResult result;
        if (sink is null || recorder is null)
        {
            var rate = InterleavedRates.Median(rates.Measure([predict])[0]);
            result = new PathResult(rate, BenchPaths.Allocated(predict), rate, 0, 0);
        }
        else
        {
            var rowsBefore = recorder.Current.Rows;
            var turns = rates.Measure([predict, predict], [() => model.AttachDrift(sink), () => model.AttachDrift(null)]);
            model.AttachDrift(sink);
            var costs = turns[0].Zip(turns[1], (with, without) => 1 - (with / without));
            result = new PathResult(InterleavedRates.Median(turns[0]), BenchPaths.Allocated(predict), InterleavedRates.Median(turns[1]),
                InterleavedRates.Median(costs), recorder.Current.Rows - rowsBefore);
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        await host.StopAsync(cancellationToken);
    }

    private async Task<PathResult> RunPathAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "AutoMLPlatform.Bench.Scoring.dll"), Command, path, dataDirectory, testCsv,
                warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture), measure.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return child.ExitCode == 0 && last is not null
            ? JsonSerializer.Deserialize<PathResult>(last)!
            : throw new InvalidOperationException($"measuring the {path} path failed (exit {child.ExitCode}).");
    }
}
